// Lint enforces the layer rule `renderer → shared ← electron` and the project's small habits.
// Every message names the approved alternative. tests/lint/ proves the rules bite.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const DOM_GLOBALS = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'location', 'fetch', 'XMLHttpRequest', 'HTMLElement'];
const sharedGlobalMessage =
  'shared/ runs in every process: do not touch DOM or network globals here. Take what you need as a parameter (docs/architecture.md, Conventions: "Inject time and I/O").';

const rawIpc = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message: 'Raw Electron IPC is only used by electron/ipc/handle.ts and electron/preload.ts. Add a channel to shared/ipc/contract.ts and call it through window.deskbook (renderer/ipc/client.ts).',
};

// Feature folders (renderer/features/<feature>/) and how they may depend on one another (docs/architecture.md,
// "Processes and layers"): the shell (renderer/app/) sits on top and no feature imports it; a feature
// reaches another only through that feature's index.ts (VS Code's workbench/contrib rule); and
// features import each other in one direction only, never in a circle. The directions allowed are
// listed here, so a new edge between features is a decision someone makes in review; a feature
// missing from the list may import no other feature.
const FEATURE_DEPENDENCIES = {
  sop: ['escalation', 'call-log'],
  'call-log': [],
  escalation: [],
  review: [],
  settings: [],
  outbox: ['escalation'], // the queue screen opens drafts
  studio: ['sop'], // the preview is the real runner
};
assertAcyclic(FEATURE_DEPENDENCIES);

const FEATURES = readdirSync(path.join(import.meta.dirname, 'renderer/features'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const featureZones = [
  {
    target: './renderer/features',
    from: './renderer/app',
    message: 'The shell sits on top: put shared components in renderer/ui/ and shared state in renderer/state/.',
  },
  ...FEATURES.flatMap((feature) =>
    FEATURES.filter((other) => other !== feature).map((other) =>
      (FEATURE_DEPENDENCIES[feature] ?? []).includes(other)
        ? {
            target: `./renderer/features/${feature}`,
            from: `./renderer/features/${other}`,
            except: ['./index.ts'],
            message: `That is another feature's internals: import from '../${other}' (its index.ts), and export what you need there.`,
          }
        : {
            target: `./renderer/features/${feature}`,
            from: `./renderer/features/${other}`,
            message: `features/${feature} may not import features/${other}: features depend on each other in one direction only, never in a circle (FEATURE_DEPENDENCIES in eslint.config.js). Move what both need down into renderer/ui/, renderer/state/, renderer/db/ or shared/, or turn the dependency around.`,
          },
    ),
  ),
];

// The renderer's layers below the features: shared by every feature, so they import none of them
// (nor the shell). Their tests may, to drive a layer with the features' real parts.
const RENDERER_LAYERS = ['outbox', 'state', 'ui', 'db', 'ipc'];
const layerZones = RENDERER_LAYERS.map((layer) => ({
  target: `./renderer/${layer}`,
  from: ['./renderer/features', './renderer/app'],
  message: `renderer/${layer}/ sits below the features and the shell, which build on it: take what it needs as a parameter, or let the feature register it (as each feature registers its delivery kinds with the outbox in renderer/app/).`,
}));

/** Throws on a circle in the declared feature dependencies: the list itself must be one-way. */
function assertAcyclic(graph) {
  const visit = (node, trail) => {
    if (trail.includes(node)) throw new Error(`FEATURE_DEPENDENCIES has a circle: ${[...trail, node].join(' → ')}`);
    for (const next of graph[node] ?? []) visit(next, [...trail, node]);
  };
  for (const node of Object.keys(graph)) visit(node, []);
}

export default tseslint.config(
  {
    ignores: ['dist/**', 'release/**', 'node_modules/**', 'coverage/**', 'tests/lint/fixtures/**', '.tmp/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['eslint.config.js', 'stryker.config.mjs'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use a named export: `export function X` / `export const X` (docs/architecture.md, Conventions).' },
      ],
    },
  },
  {
    files: ['*.config.ts', '*.config.js', 'eslint.config.js'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer is sandboxed and has no Electron: call main through window.deskbook (renderer/ipc/client.ts).' },
          ],
          patterns: [
            { group: ['**/electron/**', '**/electron'], message: 'renderer/ may not import electron/ (main-process code). Put shared logic in shared/, or add an IPC channel in shared/ipc/contract.ts.' },
            { regex: '^node:', message: 'The renderer has no Node. Use a browser API, or do it in main behind an IPC channel.' },
          ],
        },
      ],
    },
  },
  {
    // Resolves each import to its file, so the feature rules hold at any folder depth and
    // '../escalation' is told apart from '../escalation/drafts'.
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })] },
    rules: { 'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: [...featureZones, ...layerZones] }] },
  },
  {
    files: ['renderer/**/*.test.{ts,tsx}'],
    rules: { 'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: featureZones }] },
  },
  {
    // Renderer tests run in Node (happy-dom): they may read fixtures with node:fs, and still may
    // not reach into electron/.
    files: ['renderer/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/electron/**', '**/electron'], message: 'renderer/ may not import electron/ (main-process code).' }] },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'shared/ is runtime-neutral: Electron code belongs in electron/.' },
            { name: 'dexie', message: 'shared/ is runtime-neutral: Dexie queries belong in renderer/db or a feature folder.' },
            { name: 'react', message: 'shared/ is runtime-neutral: components belong in renderer/features/.' },
            { name: 'react-dom', message: 'shared/ is runtime-neutral: components belong in renderer/features/.' },
            { name: 'zustand', message: 'shared/ is runtime-neutral: store slices belong in renderer/.' },
          ],
          patterns: [
            { regex: '^node:', message: 'shared/ may not use Node built-ins: pass what you need in as a parameter, or move the code to electron/.' },
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ imports nothing from electron/ or renderer/: dependencies point inwards (renderer → shared ← electron).' },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...DOM_GLOBALS.map((name) => ({ name, message: sharedGlobalMessage }))],
      'no-console': ['error'],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/**/*.test.ts'],
    rules: {
      'no-console': ['error'],
      'no-restricted-imports': [
        'error',
        {
          paths: [rawIpc],
          patterns: [{ group: ['**/renderer/**'], message: 'electron/ may not import renderer/: share code through shared/.' }],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.test.{ts,tsx}'],
    rules: { 'no-console': ['error'] },
  },
  {
    files: ['electron/ipc/handle.ts', 'electron/preload.ts', 'electron/main.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/renderer/**'], message: 'electron/ may not import renderer/: share code through shared/.' }] }],
    },
  },
);
