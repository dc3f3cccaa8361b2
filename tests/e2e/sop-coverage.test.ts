import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_PACKS } from '../../shared/sop/packs';
import type { InputField, SopDocument, SopNode } from '../../shared/sop/schema';
import { launchApp } from './harness';
import type { LaunchedApp } from './harness';
import { readStore } from './idb';

/**
 * "A person using only the keyboard can take every shipped SOP to each of its outcomes": for
 * every outcome of every built-in SOP, the shortest path from the start is driven by keys alone
 * (digits for choices, Enter to continue, typing and Tab in forms) in the production build.
 */
let app: LaunchedApp;
beforeAll(async () => {
  app = await launchApp();
});
afterAll(async () => {
  await app?.dispose();
});

type Move = { node: SopNode; key: string };

/** Breadth-first: the moves (node + key) from the start to `target`. */
function pathTo(doc: SopDocument, target: string): Move[] {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const previous = new Map<string, Move & { from: string }>();
  const queue = [doc.start];
  const seen = new Set(queue);
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (id === target) break;
    const node = byId.get(id)!;
    const edges: [string, string][] =
      node.kind === 'question'
        ? node.choices.map((c, i) => [c.next, String(i + 1)])
        : node.kind === 'verify-identity'
          ? [
              [node.next, '1'],
              [node.unverified, String(node.methods.length + 1)],
            ]
          : node.kind === 'outcome'
            ? []
            : [[node.next, 'Enter']];
    for (const [next, key] of edges) {
      if (seen.has(next)) continue;
      seen.add(next);
      previous.set(next, { from: id, node, key });
      queue.push(next);
    }
  }
  const moves: Move[] = [];
  for (let at = target; at !== doc.start; ) {
    const step = previous.get(at);
    if (!step) throw new Error(`${doc.id}: ${target} is unreachable`);
    moves.unshift({ node: step.node, key: step.key });
    at = step.from;
  }
  return moves;
}

function sampleValue(field: InputField): string {
  switch (field.type) {
    case 'phone':
      return '5552345678';
    case 'student-number':
      return '1234567'.slice(0, Math.max(field.min ?? 5, 5));
    case 'school':
      return 'Lincoln Elementary';
    case 'yes-no':
      return 'y';
    case 'date':
      return '01052026';
    case 'text': {
      if (field.pattern?.includes('@')) return 'parent@example.org';
      // The variable name keeps every typed value distinct, so the test can find where it went.
      const text = `Sample ${field.label.toLowerCase()} for ${field.var}`.padEnd(field.min ?? 0, '.');
      return field.max ? text.slice(0, field.max) : text;
    }
  }
}

/** From anywhere: Ctrl+1 to the library, type the title, arrow to it, Enter. */
async function openByKeyboard(doc: SopDocument): Promise<void> {
  const { page } = app;
  await page.keyboard.press('Control+1');
  const search = page.getByLabel('Search procedures');
  await search.waitFor();
  await search.focus();
  await page.keyboard.press('Control+a');
  await page.keyboard.type(doc.title);
  // The list re-renders after the last keystroke: read it once it has settled (the same twice,
  // a frame apart, with the procedure in it), or a busy machine reads the previous query's list.
  const results = page.locator('.sop-open .sop-title');
  let titles: string[] = [];
  await expect
    .poll(async () => {
      const before = await results.allTextContents();
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      titles = await results.allTextContents();
      return before.join('|') === titles.join('|') && titles.includes(doc.title);
    })
    .toBe(true);
  const index = titles.indexOf(doc.title);
  // Enter opens the first match; ↓ from the search box lands on the first result.
  if (index > 0) for (let i = 0; i <= index; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
}

const outcomes = BUILTIN_PACKS.flatMap((pack) =>
  pack.sops.flatMap((doc) => doc.nodes.filter((n) => n.kind === 'outcome').map((n) => ({ doc, outcome: n.id }))),
);

describe('every shipped SOP, to each of its outcomes, by keyboard', () => {
  it('covers more than twenty outcomes', () => {
    expect(outcomes.length).toBeGreaterThan(20);
  });

  it.each(outcomes.map((o) => [`${o.doc.id} → ${o.outcome}`, o] as const))('%s', async (_name, { doc, outcome }) => {
    const { page } = app;
    await openByKeyboard(doc);
    for (const move of pathTo(doc, outcome)) {
      await page.locator(`[data-node-id="${move.node.id}"]`).waitFor();
      if (move.node.kind === 'input') {
        for (const [i, field] of move.node.fields.entries()) {
          if (i > 0) await page.keyboard.press('Tab');
          await page.keyboard.type(sampleValue(field));
        }
      }
      await page.keyboard.press(move.key);
    }
    await page.locator(`[data-node-id="${outcome}"]`).waitFor();
    const text = await page.locator('.outcome').textContent();
    expect(text).not.toMatch(/\{\{/);
  });
});

/** The draft field each typed value must land in: its `ticket:`, else its canonical name. */
const CANONICAL_FIELDS: Record<string, string> = {
  callerName: 'callerName',
  studentName: 'studentName',
  studentNumber: 'studentNumber',
  school: 'school',
  callbackPhone: 'callbackPhone',
};
const FORM_FIELDS = ['subject', 'description', 'stepsTried', 'replicationSteps', 'usersAffected', 'callerName', 'callbackPhone', 'studentName', 'studentNumber', 'school'];

/** What the form shows for a typed value: phones are formatted as the engine stores them. */
function stored(field: InputField, typed: string): string {
  return field.type === 'phone' ? `(${typed.slice(0, 3)}) ${typed.slice(3, 6)}-${typed.slice(6)}` : typed;
}

const escalations = outcomes.filter(({ doc, outcome }) => {
  const node = doc.nodes.find((n) => n.id === outcome);
  return node?.kind === 'outcome' && node.outcome.type === 'escalate';
});

describe('every shipped escalate outcome, by keyboard, carries everything typed into its draft', () => {
  it('covers every escalate outcome of every shipped SOP', () => {
    expect(escalations.length).toBeGreaterThanOrEqual(9);
  });

  it.each(escalations.map((o) => [`${o.doc.id} → ${o.outcome}`, o] as const))('%s', async (_name, { doc, outcome }) => {
    const { page } = app;
    await openByKeyboard(doc);
    const typed: { field: InputField; value: string; sensitive: boolean }[] = [];
    const moves = pathTo(doc, outcome);
    for (const move of moves) {
      await page.locator(`[data-node-id="${move.node.id}"]`).waitFor();
      if (move.node.kind === 'input') {
        for (const [i, field] of move.node.fields.entries()) {
          if (i > 0) await page.keyboard.press('Tab');
          const value = sampleValue(field);
          await page.keyboard.type(value);
          typed.push({ field, value: stored(field, value), sensitive: move.node.sensitive });
        }
      }
      await page.keyboard.press(move.key);
    }
    await page.locator(`[data-node-id="${outcome}"]`).waitFor();
    // The "Create the escalation ticket" button has the focus: Enter opens the prefilled draft.
    await page.keyboard.press('Enter');
    await page.locator('#draft-subject').waitFor();
    await page.locator('.sealed-notes').waitFor();

    const form: Record<string, string> = {};
    for (const name of FORM_FIELDS) form[name] = await page.locator(`#draft-${name}`).inputValue();
    const drafts = await readStore<{ runId: string | null; createdAt: number; values: { sealedNotes: { handle: string }[] } }>(page, 'drafts');
    const newest = drafts.filter((d) => d.runId !== null).sort((a, b) => b.createdAt - a.createdAt)[0];
    expect(newest).toBeDefined();
    const sealed = await Promise.all((newest?.values.sealedNotes ?? []).map((n) => app.services.vault.open(n.handle)));

    for (const { field, value, sensitive } of typed) {
      const target = field.ticket ?? CANONICAL_FIELDS[field.var];
      if (target !== undefined && form[target] !== undefined) {
        expect(form[target], `${field.var} → ${target}`).toContain(value);
      } else if (sensitive) {
        expect(sealed, `${field.var} → sealed note`).toContainEqual({ label: field.label, plaintext: value });
        for (const name of FORM_FIELDS) expect(form[name], `${field.var} kept out of ${name}`).not.toContain(value);
      } else {
        expect(form['description'], `${field.var} → description`).toContain(`${field.label}: ${value}`);
      }
    }
    // Student data never rides in the subject, which RT and mail clients show everywhere.
    for (const { field, value } of typed) if (/student/i.test(field.var)) expect(form['subject']).not.toContain(value);
    expect((form['subject'] ?? '').length).toBeGreaterThanOrEqual(5);
    if (doc.nodes.some((n) => n.kind === 'verify-identity')) {
      await expect(page.getByTestId('draft-identity').textContent()).resolves.toMatch(/^Identity verified: /);
    }
    expect(await page.locator('#draft-callerRole').inputValue()).not.toBe('');
  });
});
