import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { districtConstants } from './district';
import { answer, startRun } from './engine';
import type { RunInput, RunState } from './engine';
import { lintSop } from './lint';
import { sopDocumentSchema, sopPackSchema } from './schema';
import type { SopDocument } from './schema';
import { cutAtWord, ticketFromRun } from './ticket';

const pack = (file: string) => sopPackSchema.parse(parse(readFileSync(new URL(`./packs/${file}`, import.meta.url), 'utf8')));
const sop = (file: string, id: string): SopDocument => {
  const doc = pack(file).sops.find((s) => s.id === id);
  if (!doc) throw new Error(id);
  return doc;
};

function walk(doc: SopDocument, inputs: RunInput[]): RunState {
  return inputs.reduce((state, input, i) => answer(doc, state, input, (i + 1) * 1000), startRun(doc, 0, districtConstants(doc)));
}
const choose = (choiceId: string): RunInput => ({ type: 'choice', choiceId });
const go: RunInput = { type: 'continue' };
const verified: RunInput = { type: 'verify', method: 'callback-on-file' };

const vendor = sop('ic-vendor-support.yaml', 'ic-vendor-escalation');
const qualify: RunInput = {
  type: 'input',
  values: {
    issueDescription: `${'Attendance posting fails for every teacher at the school after the update; '.repeat(12)}end.`,
    replicationSteps: 'Sign in as a teacher, open Attendance, post a period: "Error 500".',
    usersAffected: 'All teachers at Bane Elementary',
  },
};
const vendorStart: RunInput[] = [{ type: 'input', values: { callerName: 'Dana Ortiz', school: 'Bane Elementary' } }, choose('issue'), qualify, choose('no-data-change')];

describe('a vendor escalation', () => {
  it('with a suggested Critical priority is a Critical ticket on the Authorized Contact path', () => {
    const state = walk(vendor, [...vendorStart, choose('authorized'), choose('critical'), choose('outage'), go]);
    expect(ticketFromRun(vendor, state)).toMatchObject({ priority: 'critical', hostedOutage: true, callerRole: 'staff' });
  });

  it('with a suggested Critical priority is a Critical ticket when routed to the Authorized Contacts (was Medium)', () => {
    const state = walk(vendor, [...vendorStart, choose('route'), choose('critical'), choose('not-outage')]);
    expect(ticketFromRun(vendor, state)).toMatchObject({ priority: 'critical', hostedOutage: false });
  });

  it('puts the description, replication steps and who is affected in their fields, whole', () => {
    const state = walk(vendor, [...vendorStart, choose('route'), choose('high')]);
    const ticket = ticketFromRun(vendor, state);
    const values = (qualify as Extract<RunInput, { type: 'input' }>).values;
    expect(ticket.description).toContain(values['issueDescription']);
    expect(ticket.fields).toMatchObject({ replicationSteps: values['replicationSteps'], usersAffected: values['usersAffected'] });
    expect(ticket.subject).toBe('For Campus Support · Bane Elementary · suggested High');
  });
});

describe('a HAC parent-login ticket', () => {
  const hac = sop('hac.yaml', 'hac-parent-login');
  const details: RunInput = {
    type: 'input',
    values: { studentName: 'Sam Lopez', studentNumber: '123456', school: 'Bane Elementary', callbackPhone: '555-234-5678', parentLoginId: 'alopez77' },
  };
  const state = walk(hac, [
    { type: 'input', values: { callerName: 'Ana Lopez' } },
    verified,
    choose('own-login'),
    choose('password-rejected'),
    go,
    choose('still-failing'),
    choose('correct'),
    go,
    details,
  ]);
  const ticket = ticketFromRun(hac, state);

  it('says how identity was verified', () => {
    expect(ticket.identity).toBe('callback-on-file');
  });

  it('has a subject from the template, with no student data', () => {
    expect(ticket.subject).toBe('HAC parent login · Bane Elementary · account check');
    expect(ticket.subject).not.toMatch(/Sam|123456/);
  });

  it('seals the login ID typed on a sensitive node instead of dropping it', () => {
    expect(ticket.sealed).toEqual([{ label: 'Parent HAC login ID', value: 'alopez77' }]);
    expect(ticket.description).not.toContain('alopez77');
  });

  it('fills the student fields and says the caller is a parent', () => {
    expect(ticket.fields).toMatchObject({ studentName: 'Sam Lopez', studentNumber: '123456', school: 'Bane Elementary', callbackPhone: '(555) 234-5678' });
    expect(ticket.callerRole).toBe('parent');
  });
});

describe('an IC Household ticket', () => {
  it('says the caller is staff, not parent, and lists the job role as a fact', () => {
    const doc = sop('ic-household.yaml', 'ic-household-access');
    const state = walk(doc, [
      { type: 'input', values: { callerName: 'Lee Park', school: 'Bane Elementary' } },
      choose('never'),
      choose('central-office'),
      choose('met'),
      choose('waited'),
    ]);
    const ticket = ticketFromRun(doc, state);
    expect(ticket.callerRole).toBe('staff');
    expect(ticket.facts).toContainEqual({ label: 'Job role', value: 'Central office employee' });
  });
});

describe('cutAtWord', () => {
  it('never cuts a word in half, and marks the cut', () => {
    const cut = cutAtWord('HAC parent login '.repeat(20), 150);
    expect(cut.length).toBeLessThanOrEqual(150);
    expect(cut).toMatch(/(?:HAC|parent|login)…$/);
  });
});

describe('lint of ticket mappings', () => {
  const doc = (extra: Record<string, unknown>) =>
    sopDocumentSchema.parse({
      id: 'mapped',
      title: 'Mapped',
      version: '1.0.0',
      audience: ['analyst'],
      start: 'ask',
      nodes: {
        ask: {
          kind: 'input',
          prompt: 'Describe it',
          fields: [{ var: 'issue', label: 'Issue', type: 'text', ticket: 'summaryText' }],
          next: 'level',
        },
        level: {
          kind: 'question',
          prompt: 'How bad?',
          var: 'level',
          ticket: 'priority',
          choices: [
            { id: 'bad', label: 'Very bad', next: 'done' },
            { id: 'ok', label: 'Low', next: 'done' },
          ],
        },
        done: { kind: 'outcome', outcome: { type: 'escalate', escalationKind: 'district-tier2', defaultPriority: 'low', assignee: 'Tier 2', summary: 'x', subject: 'Case · {{wrongName}}' } },
      },
      ...extra,
    });

  it('names the node and variable of a mapping to a field the draft does not have', () => {
    expect(lintSop(doc({}))).toContainEqual(
      expect.objectContaining({ rule: 'unknown-ticket-field', nodeId: 'ask', field: 'fields[0].ticket', message: expect.stringContaining('{{issue}}') }),
    );
  });

  it('refuses a priority choice that is not a priority', () => {
    expect(lintSop(doc({}))).toContainEqual(expect.objectContaining({ rule: 'ticket-choice-value', nodeId: 'level', field: 'choices[0].value' }));
  });

  it('refuses a subject template with an unknown variable, and one with student data', () => {
    const findings = lintSop(doc({ ticket: { subject: 'Case for {{studentName}}' } }));
    expect(findings).toContainEqual(expect.objectContaining({ rule: 'undefined-variable', nodeId: 'done', field: 'outcome.subject' }));
    expect(findings).toContainEqual(expect.objectContaining({ rule: 'unknown-subject-variable', field: 'ticket.subject' }));
    const hac = sop('hac.yaml', 'hac-parent-login');
    const leaky = { ...hac, ticket: { subject: 'HAC · {{studentName}}' } };
    expect(lintSop(leaky)).toContainEqual(expect.objectContaining({ rule: 'subject-student-data', field: 'ticket.subject' }));
  });

  it('warns when an SOP that takes student data does not verify the caller first', () => {
    const hac = sop('hac.yaml', 'hac-student-login');
    const unverified = { ...hac, start: 'student' };
    expect(lintSop(unverified)).toContainEqual(expect.objectContaining({ rule: 'identity-not-verified', nodeId: 'student' }));
    expect(lintSop(hac).filter((f) => f.rule === 'identity-not-verified')).toEqual([]);
  });
});
