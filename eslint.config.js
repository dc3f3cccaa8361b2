// Lint enforces the layer rule `renderer → shared ← electron` and the project's small habits.
// Every message names the approved alternative. tests/lint/ proves the rules bite.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const DOM_GLOBALS = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'location', 'fetch', 'XMLHttpRequest', 'HTMLElement'];
const sharedGlobalMessage =
  'shared/ runs in every process: do not touch DOM or network globals here. Take what you need as a parameter (see STYLE.md "Inject time and I/O").';

const rawIpc = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message: 'Raw Electron IPC is only used by electron/ipc/handle.ts and electron/preload.ts. Add a channel to shared/ipc/contract.ts and call it through window.deskbook (renderer/ipc/client.ts).',
};

export default tseslint.config(
  {
    ignores: ['dist/**', 'release/**', 'node_modules/**', 'coverage/**', 'tests/lint/fixtures/**', '.tmp/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['eslint.config.js'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use a named export: `export function X` / `export const X` (STYLE.md "Small habits").' },
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
