/**
 * The SOP packs that ship with Deskbook.
 *
 * Why YAML: SOP authors are help-desk leads, not programmers. YAML gives them comments (the
 * source of each step, why a step differs from the paper SOP) and readable multi-line prose,
 * and each file points at `../sop-pack.schema.json` so their editor validates as they type.
 * The files are compiled to plain data at build time (scripts/vite-yaml-plugin.ts), which also
 * parses every pack through `sopPackSchema`: a shape error fails the build (and `npm run
 * sop:lint` says where), and the app does not re-validate its own packs at each start.
 */
// tsconfig.tests.json does not include shared/yaml-modules.d.ts, and an ambient declaration
// cannot be imported; remove these two lines once it includes "shared/**/*.d.ts".
import { data as hac } from './hac.yaml';
import { data as icHousehold } from './ic-household.yaml';
import { data as icParentPortal } from './ic-parent-portal.yaml';
import { data as icVendorSupport } from './ic-vendor-support.yaml';
import type { SopPack } from '../schema';

/**
 * Every built-in pack, already parsed by the build (the plugin emits `sopPackSchema`'s output);
 * packs.test.ts checks it equals a fresh parse of the YAML and that every pack lints clean.
 */
export const BUILTIN_PACKS = [hac, icParentPortal, icHousehold, icVendorSupport] as readonly SopPack[];
