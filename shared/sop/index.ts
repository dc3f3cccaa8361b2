/**
 * shared/sop: SOP documents (schema), runs (engine), checks (lint) and the pack loader. Pure and
 * runtime-neutral; the renderer and the main process both import from here. Built-in packs live
 * in `./packs/index.ts` so importing the engine does not pull in the pack data.
 */
export * from './schema';
export * from './engine';
export { DEFAULT_ALLOWED_LINK_HOSTS, lintPack, lintSop } from './lint';
export type { LintFinding, LintOptions, LintRule } from './lint';
export { loadSopPack } from './load';
export type { PackLoadResult } from './load';
export { formatIssuePath, schemaIssues } from './issues';
export type { SchemaIssue } from './issues';
export { findUnsafeInstructions, UNSAFE_RULES } from './security';
export type { UnsafeInstruction, UnsafeRule } from './security';
export { referencedVariables } from './interpolate';
export { nodeLabel, nodeTexts, successorsOf } from './nodes';
export type { NodeText } from './nodes';
export { CANONICAL_VARIABLES } from './variables';
export type { CanonicalVariable } from './variables';
