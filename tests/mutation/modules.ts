/**
 * The modules `npm run mutate` plants bugs in, each with the mutation score it must keep: the
 * share of planted bugs (mutants) that some unit or dom test catches. The budgets were set from
 * the first full run (docs/testing.md has the figures); the ones whose bugs would leak a secret
 * or open a door (guard, router, vault, protocol handler) are held to 85 % or more.
 */
export interface MutationModule {
  name: string;
  /** Path prefixes (from the repo root) of the files that belong to the module. */
  files: readonly string[];
  /** Lowest acceptable mutation score, in percent. */
  budget: number;
}

export const MUTATION_MODULES: readonly MutationModule[] = [
  { name: 'guard (shared/guard)', files: ['shared/guard/'], budget: 85 },
  { name: 'IPC router (electron/ipc)', files: ['electron/ipc/'], budget: 85 },
  { name: 'vault (electron/vault)', files: ['electron/vault/'], budget: 85 },
  { name: 'protocol handler (electron/security/app-protocol)', files: ['electron/security/app-protocol.ts'], budget: 85 },
  { name: 'window security (electron/security, the rest)', files: ['electron/security/'], budget: 80 },
  { name: 'SLA clock (shared/sla)', files: ['shared/sla/'], budget: 80 },
  { name: 'SOP engine and lint (shared/sop)', files: ['shared/sop/'], budget: 80 },
  { name: 'delivery road in main', files: ['electron/services/delivery.ts', 'electron/sync/'], budget: 80 },
  { name: 'outbox state machine (renderer/outbox)', files: ['renderer/outbox/'], budget: 80 },
  { name: 'draft cleaning (escalation/secrets)', files: ['renderer/features/escalation/secrets.ts'], budget: 85 },
];

/** The module a file belongs to: the first whose prefix matches (so a specific file wins). */
export function moduleOf(file: string): MutationModule | undefined {
  return MUTATION_MODULES.find((module) => module.files.some((prefix) => file === prefix || (prefix.endsWith('/') && file.startsWith(prefix))));
}
