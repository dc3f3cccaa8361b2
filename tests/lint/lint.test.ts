import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');

/** Lints a fixture as if it lived at `asPath`, with the project's real config. */
async function lintAs(name: string, asPath: string) {
  const eslint = new ESLint({
    cwd: root,
    overrideConfig: {
      languageOptions: { parserOptions: { projectService: false, project: null } },
      rules: { '@typescript-eslint/no-floating-promises': 'off' },
    },
  });
  const [result] = await eslint.lintText(fixture(name), { filePath: path.join(root, asPath) });
  return result?.messages ?? [];
}

describe('the layer rules', () => {
  it('refuses a renderer import of electron/ and names the alternative', async () => {
    const messages = await lintAs('renderer-imports-electron.ts', 'renderer/features/x/leak.ts');
    const hit = messages.find((m) => m.ruleId === 'no-restricted-imports');
    expect(hit?.message).toMatch(/renderer\/ may not import electron\//);
    expect(hit?.message).toMatch(/shared\/ipc\/contract\.ts/);
  });

  it('refuses node: imports and DOM globals in shared/', async () => {
    const messages = await lintAs('shared-uses-node.ts', 'shared/sop/leak.ts');
    expect(messages.map((m) => m.ruleId)).toEqual(expect.arrayContaining(['no-restricted-imports', 'no-restricted-globals']));
  });

  it('refuses raw ipcMain outside the IPC wrappers', async () => {
    const messages = await lintAs('raw-ipc.ts', 'electron/sync/leak.ts');
    expect(messages.some((m) => m.ruleId === 'no-restricted-imports' && /window\.deskbook/.test(m.message))).toBe(true);
  });

  it('allows the same import inside electron/ipc/handle.ts', async () => {
    const messages = await lintAs('raw-ipc.ts', 'electron/ipc/handle.ts');
    expect(messages.filter((m) => m.ruleId === 'no-restricted-imports')).toEqual([]);
  });

  it('refuses default exports', async () => {
    const messages = await lintAs('default-export.ts', 'renderer/app/thing.ts');
    expect(messages.some((m) => m.ruleId === 'no-restricted-syntax' && /named export/.test(m.message))).toBe(true);
  });
});

describe('the feature rules', () => {
  const featureRule = 'import-x/no-restricted-paths';

  it('refuses a feature import of the shell and names renderer/ui/ and renderer/state/', async () => {
    const messages = await lintAs('feature-imports-shell.ts', 'renderer/features/escalation/leak.ts');
    const hit = messages.find((m) => m.ruleId === featureRule);
    expect(hit?.message).toMatch(/shell sits on top/);
    expect(hit?.message).toMatch(/renderer\/ui\/.*renderer\/state\//);
  });

  it("refuses a feature reaching into another feature's files and names its index.ts", async () => {
    const messages = await lintAs('feature-imports-internals.ts', 'renderer/features/sop/leak.ts');
    const hit = messages.find((m) => m.ruleId === featureRule);
    expect(hit?.message).toMatch(/import from '\.\.\/escalation' \(its index\.ts\)/);
  });

  it("allows the same feature through its index.ts", async () => {
    const messages = await lintAs('feature-imports-index.ts', 'renderer/features/sop/leak.ts');
    expect(messages.filter((m) => m.ruleId === featureRule)).toEqual([]);
  });

  it('refuses a renderer layer importing a feature, and names the registration alternative', async () => {
    const messages = await lintAs('layer-imports-feature.ts', 'renderer/ui/leak.ts');
    const hit = messages.find((m) => m.ruleId === featureRule);
    expect(hit?.message).toMatch(/renderer\/ui\/ sits below the features/);
    expect(hit?.message).toMatch(/register/);
  });

  it("allows a layer's test to drive it with a feature's real parts", async () => {
    const messages = await lintAs('layer-imports-feature.ts', 'renderer/outbox/leak.test.ts');
    expect(messages.filter((m) => m.ruleId === featureRule)).toEqual([]);
  });

  it('refuses an import that closes a circle between features, even through the index', async () => {
    const messages = await lintAs('feature-imports-backwards.ts', 'renderer/features/escalation/leak.ts');
    const hit = messages.find((m) => m.ruleId === featureRule);
    expect(hit?.message).toMatch(/features\/escalation may not import features\/sop/);
    expect(hit?.message).toMatch(/one direction only, never in a circle/);
  });
});
