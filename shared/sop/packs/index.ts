/**
 * The SOP packs that ship with Deskbook.
 *
 * Why YAML: SOP authors are help-desk leads, not programmers. YAML gives them comments (the
 * source of each step, why a step differs from the paper SOP) and readable multi-line prose,
 * and each file points at `../sop-pack.schema.json` so their editor validates as they type.
 * The files are compiled to plain data at build time (scripts/vite-yaml-plugin.ts), so the
 * renderer ships no YAML parser, and every pack is parsed through `sopPackSchema` here, so a
 * shape error fails loudly at start-up and in tests rather than mid-call.
 */
// tsconfig.tests.json does not include shared/yaml-modules.d.ts, and an ambient declaration
// cannot be imported; remove these two lines once it includes "shared/**/*.d.ts".
import { data as hac } from './hac.yaml';
import { data as icHousehold } from './ic-household.yaml';
import { data as icParentPortal } from './ic-parent-portal.yaml';
import { data as icVendorSupport } from './ic-vendor-support.yaml';
import { sopPackSchema } from '../schema';
import type { SopPack } from '../schema';

/** Every built-in pack, parsed and validated; lint-clean is asserted by packs.test.ts. */
export const BUILTIN_PACKS: readonly SopPack[] = [hac, icParentPortal, icHousehold, icVendorSupport].map(
  (data) => sopPackSchema.parse(data),
);
