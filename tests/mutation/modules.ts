/**
 * The modules `npm run mutate` plants bugs in, each with the mutation score it must keep: the
 * share of planted bugs (mutants) that the named tests catch. Each budget sits a few points under
 * the module's measured score (2026-12-03: router 94.4 %, protocol handler 96.0 %, vault 97.2 %,
 * outbox 96.3 %, guard keywords and pairs 90.4 %, guard value shapes 92.7 %, drafts 91.7 %,
 * window security 97.4 %, SLA 79.9 %, SOP engine and lint 78.5 %, delivery road 72.2 %), so a
 * change that loses tests fails.
 */
export interface MutationModule {
  /** Short name: `npm run mutate -- <id>`, and the name of its report in reports/mutation/. */
  id: string;
  name: string;
  /** Globs of the files Stryker mutates. */
  mutate: readonly string[];
  /**
   * Globs of the test files that must catch them: the module's own tests and the attacks that
   * target it, never the whole suite (a guard mutant caught only by a screen test is a hole in
   * the guard's tests, and rendering screens for 1,800 mutants would take hours). The property
   * files (`*.property.test.ts`) are left out: they run in npm test, but at hundreds of generated
   * cases per run they would make each mutant cost a second more; what they found is kept as
   * example tests beside them.
   */
  tests: readonly string[];
  /** Lowest acceptable mutation score, in percent. */
  budget: number;
}

export const MUTATION_MODULES: readonly MutationModule[] = [
  { id: 'router', name: 'IPC router (electron/ipc)', mutate: ['electron/ipc/**/*.ts'], tests: ['electron/ipc/**/*.test.ts', 'tests/security/roles.test.ts'], budget: 90 },
  { id: 'protocol', name: 'app:// protocol handler', mutate: ['electron/security/app-protocol.ts'], tests: ['electron/security/app-protocol.test.ts'], budget: 90 },
  { id: 'vault', name: 'vault (electron/vault)', mutate: ['electron/vault/**/*.ts'], tests: ['electron/vault/**/*.test.ts', 'tests/security/secrets-bound.test.ts', 'tests/security/guard-in-main.test.ts'], budget: 90 },
  { id: 'guard', name: 'guard: keywords, pairs, sealed values (shared/guard)', mutate: ['shared/guard/find-secrets.ts', 'shared/guard/sealed-values.ts', 'shared/guard/normalise.ts', 'shared/guard/lookalikes.ts', 'shared/guard/keyword-secrets.ts', 'shared/guard/keywords.ts', 'shared/guard/pairs.ts', 'shared/guard/value-span.ts', 'shared/guard/value-before.ts', 'shared/guard/words-before.ts', 'shared/guard/languages/*.ts'], tests: ['shared/guard/**/!(*.property).test.ts', 'tests/security/guard-bypass.test.ts', 'tests/security/guard-in-main.test.ts'], budget: 87 },
  { id: 'guard-shapes', name: 'guard: value shapes, masks, redaction (shared/guard)', mutate: ['shared/guard/*.ts', '!shared/guard/find-secrets.ts', '!shared/guard/sealed-values.ts', '!shared/guard/normalise.ts', '!shared/guard/lookalikes.ts', '!shared/guard/keyword-secrets.ts', '!shared/guard/keywords.ts', '!shared/guard/pairs.ts', '!shared/guard/value-span.ts', '!shared/guard/value-before.ts', '!shared/guard/words-before.ts', '!shared/guard/languages/*.ts'], tests: ['shared/guard/**/!(*.property).test.ts', 'tests/security/guard-bypass.test.ts', 'tests/security/guard-in-main.test.ts'], budget: 88 },
  { id: 'outbox', name: 'outbox state machine (renderer/outbox)', mutate: ['renderer/outbox/apply-outcome.ts', 'renderer/outbox/backoff.ts', 'renderer/outbox/throttle.ts'], tests: ['renderer/outbox/**/!(*.property).test.ts'], budget: 90 },
  { id: 'delivery', name: 'delivery road in main', mutate: ['electron/services/delivery.ts', 'electron/sync/deliver-once.ts', 'electron/sync/outcome.ts', 'electron/sync/http.ts', 'electron/sync/connector.ts'], tests: ['electron/services/delivery.test.ts', 'electron/sync/*.test.ts', 'tests/security/guard-in-main.test.ts', 'tests/security/webhook-replay.test.ts', 'tests/security/secrets-bound.test.ts'], budget: 70 },
  { id: 'sla', name: 'SLA clock (shared/sla)', mutate: ['shared/sla/**/*.ts'], tests: ['shared/sla/**/!(*.property).test.ts'], budget: 75 },
  { id: 'sop', name: 'SOP engine and lint', mutate: ['shared/sop/engine.ts', 'shared/sop/graph.ts', 'shared/sop/lint*.ts'], tests: ['shared/sop/**/!(*.property).test.ts'], budget: 75 },
  { id: 'window', name: 'window security (electron/security)', mutate: ['electron/security/**/*.ts', '!electron/security/app-protocol.ts'], tests: ['electron/security/**/*.test.ts'], budget: 93 },
  { id: 'drafts', name: 'draft cleaning (escalation/secrets)', mutate: ['renderer/features/escalation/secrets.ts'], tests: ['renderer/features/escalation/**/*.test.ts'], budget: 85 },
];
