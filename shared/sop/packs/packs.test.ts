import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { answer, currentNode, outcomeOf, startRun } from '../engine';
import type { RunInput, RunState } from '../engine';
import { districtConstants } from '../district';
import { lintPack } from '../lint';
import { loadSopPack } from '../load';
import { capturesOf, successorsOf } from '../nodes';
import { sopPackSchema } from '../schema';
import type { InputField, SopDocument, SopNode } from '../schema';
import { CANONICAL_VARIABLES } from '../variables';
import { BUILTIN_PACKS } from './index';

const dir = new URL('./', import.meta.url);
const files = readdirSync(dir).filter((name) => name.endsWith('.yaml')).sort();
const sourceOf = (name: string) => readFileSync(new URL(name, dir), 'utf8');
const packs = files.map((name) => ({ name, pack: sopPackSchema.parse(parse(sourceOf(name))) }));
const sops = packs.flatMap(({ pack }) => pack.sops);
const sopById = (id: string): SopDocument => {
  const doc = sops.find((sop) => sop.id === id);
  if (!doc) throw new Error(`no SOP ${id}`);
  return doc;
};
const node = (sopId: string, nodeId: string): SopNode | undefined =>
  sopById(sopId).nodes.find((n) => n.id === nodeId);

/** A valid value for any field the packs use. */
function sample(field: InputField): string {
  if (!field.required) return '';
  switch (field.type) {
    case 'text':
      return 'A sample value long enough for every minimum';
    case 'phone':
      return '555-123-4567';
    case 'student-number':
      return '123456';
    case 'school':
      return 'Bear Creek Elementary';
    case 'yes-no':
      return 'yes';
    case 'date':
      return '2025-01-15';
  }
}

/** The inputs that walk a run from the start to `target`, found by breadth-first search. */
function inputsTo(doc: SopDocument, target: string): RunInput[] {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const via = new Map<string, { from: string; input: RunInput }>();
  const queue = [doc.start];
  const seen = new Set(queue);
  for (let i = 0; i < queue.length; i++) {
    const current = byId.get(queue[i] ?? '');
    if (!current) continue;
    const edges: { next: string; input: RunInput }[] =
      current.kind === 'question'
        ? current.choices.map((c) => ({ next: c.next, input: { type: 'choice', choiceId: c.id } }))
        : current.kind === 'input'
          ? [{ next: current.next, input: { type: 'input', values: Object.fromEntries(current.fields.map((f) => [f.var, sample(f)])) } }]
          : current.kind === 'verify-identity'
            ? [
                { next: current.next, input: { type: 'verify', method: current.methods[0] ?? 'callback-on-file' } },
                { next: current.unverified, input: { type: 'verify', method: 'not-verified' } },
              ]
            : successorsOf(current).map((next) => ({ next, input: { type: 'continue' } }));
    for (const edge of edges) {
      if (seen.has(edge.next)) continue;
      seen.add(edge.next);
      via.set(edge.next, { from: current.id, input: edge.input });
      queue.push(edge.next);
    }
  }
  const inputs: RunInput[] = [];
  for (let at = target; at !== doc.start; ) {
    const step = via.get(at);
    if (!step) throw new Error(`${doc.id}: no path to ${target}`);
    inputs.unshift(step.input);
    at = step.from;
  }
  return inputs;
}

describe('built-in SOP packs', () => {
  it('are the four YAML files, each pointing its editor at the JSON Schema on line 1', () => {
    expect(files).toEqual(['hac.yaml', 'ic-household.yaml', 'ic-parent-portal.yaml', 'ic-vendor-support.yaml']);
    for (const name of files) {
      expect(sourceOf(name).split('\n')[0]).toBe('# yaml-language-server: $schema=../sop-pack.schema.json');
    }
  });

  it.each(files)('%s is schema-valid and lints with zero findings, warnings included', (name) => {
    const result = loadSopPack(parse(sourceOf(name)));
    expect(result).toMatchObject({ ok: true, warnings: [] });
    const pack = packs.find((p) => p.name === name)?.pack;
    expect(pack && lintPack(pack)).toEqual([]);
  });

  it('are what BUILTIN_PACKS exports, compiled from YAML at build time', () => {
    expect(BUILTIN_PACKS).toEqual(
      ['hac.yaml', 'ic-parent-portal.yaml', 'ic-household.yaml', 'ic-vendor-support.yaml'].map(
        (name) => packs.find((p) => p.name === name)?.pack,
      ),
    );
  });

  it('use SOP ids that are unique across all packs', () => {
    const ids = sops.map((sop) => sop.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([
      'hac-parent-login',
      'hac-student-login',
      'ic-household-access',
      'ic-portal-new-account',
      'ic-portal-login-help',
      'ic-vendor-escalation',
    ]);
  });

  it('reach every outcome of every SOP through the engine, with all {{var}} filled in', () => {
    for (const doc of sops) {
      for (const outcome of doc.nodes.filter((n) => n.kind === 'outcome')) {
        let state: RunState = startRun(doc, 0, districtConstants(doc));
        inputsTo(doc, outcome.id).forEach((input, i) => {
          state = answer(doc, state, input, i + 1);
        });
        const result = outcomeOf(doc, state);
        expect(result?.nodeId, `${doc.id} → ${outcome.id}`).toBe(outcome.id);
        expect(JSON.stringify(result), `${doc.id} → ${outcome.id}`).not.toContain('{{');
        expect(currentNode(doc, state).kind).toBe('outcome');
      }
    }
  });

  it('capture only canonical variables plus a few SOP-specific ones, and never a password', () => {
    const captured = new Set(sops.flatMap((doc) => doc.nodes.flatMap((n) => capturesOf(n).may)));
    const specific = [
      'homeAddress',
      'hostedOutage',
      'identity',
      'issueDescription',
      'jobRole',
      'parentLoginId',
      'problem',
      'replicationSteps',
      'usersAffected',
      'vendorPriority',
    ];
    const canonical = new Set<string>(CANONICAL_VARIABLES);
    expect([...captured].filter((name) => !canonical.has(name)).sort()).toEqual(
      specific.sort(),
    );
    expect([...captured].some((name) => /pass|pw|secret|credential/i.test(name))).toBe(false);
  });
});

describe('built-in packs follow their seeds', () => {
  it('HAC parent login replaces step 4 with a reset through the school and explains why', () => {
    const safe = node('hac-parent-login', 'no-password-over-phone');
    expect(safe?.notes).toMatch(/step 4/);
    expect(safe?.kind === 'step' && safe.next).toBe('collect-details');
  });

  it("HAC parent login escalates to the district's HAC tier 2 (Jennifer Miller in the example), the login ID sealed", () => {
    const outcome = node('hac-parent-login', 'escalate-tier2');
    expect(outcome?.kind === 'outcome' && outcome.outcome).toMatchObject({
      type: 'escalate',
      escalationKind: 'district-tier2',
      assignee: '{{district.parentLoginTier2}}',
      sealedNote: { prompt: expect.stringContaining('never goes in the ticket text') },
    });
    expect(sopById('hac-parent-login').district['parentLoginTier2']?.example).toContain('Jennifer Miller');
    const details = node('hac-parent-login', 'collect-details');
    expect(details?.kind === 'input' && details.sensitive && details.fields.map((f) => f.var)).toEqual([
      'studentName',
      'studentNumber',
      'school',
      'callbackPhone',
      'parentLoginId',
    ]);
  });

  it("HAC student login refers to the Registrar or escalates to the district's student-login tier 2 (Rodney White in the example)", () => {
    const outcomes = sopById('hac-student-login').nodes.flatMap((n) => (n.kind === 'outcome' ? [n.outcome] : []));
    expect(outcomes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'referred', to: expect.stringContaining('Registrar') }),
        expect.objectContaining({ type: 'escalate', assignee: '{{district.studentLoginTier2}}' }),
      ]),
    );
    expect(sopById('hac-student-login').district['studentLoginTier2']?.example).toContain('Rodney White');
  });

  it('HAC student login sends a failing computer login to a real next step, not a procedure that does not exist', () => {
    const computer = node('hac-student-login', 'computer-login');
    const fails = computer?.kind === 'question' ? computer.choices.find((c) => c.id === 'computer-fails') : undefined;
    const next = fails && node('hac-student-login', fails.next);
    expect(next?.kind === 'outcome' && next.outcome).toMatchObject({ type: 'escalate', assignee: '{{district.studentNetworkTeam}}' });
    expect(JSON.stringify(sopById('hac-student-login'))).not.toMatch(/network account procedure/);
  });

  it.each(['hac-parent-login', 'hac-student-login', 'ic-portal-new-account', 'ic-portal-login-help'])(
    '%s verifies the caller before any account detail, with "could not verify" giving general help only',
    (id) => {
      const doc = sopById(id);
      const verify = doc.nodes.find((n) => n.kind === 'verify-identity');
      expect(verify).toBeDefined();
      // Nothing but the caller's name (and who is calling) comes before it.
      const before = doc.nodes.slice(0, doc.nodes.indexOf(verify!));
      expect(before.flatMap((n) => capturesOf(n).may).every((v) => v === 'callerName' || v === 'callerRole')).toBe(true);
      const unverified = verify?.kind === 'verify-identity' ? node(id, verify.unverified) : undefined;
      expect(unverified?.kind === 'step' && unverified.text).toMatch(/general help/);
    },
  );

  it('say one password rule everywhere: never ask; a password said anyway goes only in a sealed note', () => {
    for (const doc of sops) {
      for (const n of doc.nodes) {
        for (const text of [n.notes, n.kind === 'outcome' && n.outcome.type === 'escalate' ? n.outcome.sealedNote?.prompt : undefined]) {
          if (!text || !/password/i.test(text)) continue;
          if (/\b(?:offers?|volunteer\w*|says?\b[^.]*anyway)/i.test(text)) expect(text, `${doc.id}/${n.id}`).toMatch(/sealed note/);
          expect(text, `${doc.id}/${n.id}`).not.toMatch(/stop them/);
        }
      }
    }
  });

  it('state nothing the seeds do not: the 24-hour reply only for reactivation, no US-wide rule for other roles', () => {
    const portal = sopById('ic-portal-new-account');
    expect(JSON.stringify(node('ic-portal-new-account', 'referred-portal-help'))).not.toMatch(/24 hours/);
    expect(portal.district['reactivationReplyTime']?.example).toMatch(/24 hours/);
    expect(JSON.stringify(node('ic-household-access', 'referred-requirements'))).not.toMatch(/two full business days/);
    expect(JSON.stringify(sopById('hac-parent-login'))).not.toMatch(/reset through your child's school/);
  });

  it('keep district names, addresses and numbers out of the text every district sees', () => {
    for (const doc of sops) {
      const { district, ...rest } = doc;
      const text = JSON.stringify(rest);
      expect(text, doc.id).not.toMatch(/Jennifer Miller|Rodney White|portalhelp@|720-423-3888|jcschools\.us|cfisd\.net/);
      if (doc.id !== 'ic-vendor-escalation') expect(Object.keys(district).length, doc.id).toBeGreaterThan(0);
    }
  });

  it('Campus Portal reactivation collects the account details but never the password', () => {
    const details = node('ic-portal-login-help', 'reactivation-details');
    expect(details?.kind === 'input' && details.fields.map((f) => f.var)).toEqual([
      'homeAddress',
      'callbackPhone',
      'studentName',
      'parentUsername',
      'email',
    ]);
    expect(node('ic-portal-login-help', 'reactivation')?.notes).toMatch(/Leave it out/);
  });

  it('vendor escalation maps the chosen priority to the ticket on both paths', () => {
    for (const id of ['vendor-priority', 'suggested-priority']) {
      const q = node('ic-vendor-escalation', id);
      expect(q?.kind === 'question' && q.ticket).toBe('priority');
    }
  });

  it('vendor escalation offers every priority in the vendor matrix', () => {
    const priority = node('ic-vendor-escalation', 'vendor-priority');
    expect(priority?.kind === 'question' && priority.choices.map((c) => c.label)).toEqual(['Critical', 'High', 'Medium', 'Low']);
    const defaults = sopById('ic-vendor-escalation').nodes.flatMap((n) =>
      n.kind === 'outcome' && n.outcome.type === 'escalate' && n.outcome.escalationKind === 'vendor-case'
        ? [n.outcome.defaultPriority]
        : [],
    );
    expect(defaults).toEqual(['critical', 'high', 'medium', 'low']);
  });
});

describe('an unsafe pack', () => {
  it('is refused, naming the node that asks for the password', () => {
    const data: unknown = parse(readFileSync(new URL('../fixtures/unsafe-pack.yaml', import.meta.url), 'utf8'));
    const result = loadSopPack(data);
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rule: 'security-asks-for-password', sopId: 'unsafe-hac-login', nodeId: 'verify-password' }),
        expect.objectContaining({ rule: 'security-logs-in-as-caller', nodeId: 'verify-password' }),
        expect.objectContaining({ rule: 'security-hides-from-parent', nodeId: 'verify-password' }),
      ]),
    );
  });
});
