import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { escalationDraftSchema } from '../../../shared/escalation/schema';
import type { EscalationDraftInput } from '../../../shared/escalation/schema';
import { createDeskbookApi } from '../../../shared/ipc/api';
import { startTestServices } from '../../../tests/support/main-services';
import type { TestServices } from '../../../tests/support/main-services';
import { deskbook, unwrap } from '../../ipc/client';
import { blankDraft } from './prefill';
import { GUARDED_FIELDS, UNSAVED_SECRET_MARK, draftForDisk, findDraftSecrets, guardedText, scanDraft } from './secrets';

const PASSWORD = 'Tr0ub4dor&3';
const SECRET_TEXT = `the password is ${PASSWORD}`;

/** Fields of the draft that are not typed as free text: choices, the SOP trace and sealed-note handles. */
const NOT_FREE_TEXT = new Set(['kind', 'callerRole', 'priority', 'sop', 'sealedNotes', 'identity', 'hostedOutage', 'callerLanguage']);
/**
 * Every other field of the schema, so a text field added to the form later is tested here too:
 * if draftForDisk does not clean it, the test for it fails.
 */
const FREE_TEXT_FIELDS = Object.keys(escalationDraftSchema.shape).filter((field) => !NOT_FREE_TEXT.has(field)) as (keyof EscalationDraftInput)[];

function withText(field: keyof EscalationDraftInput, text: string): EscalationDraftInput {
  const draft = blankDraft();
  return { ...draft, [field]: field === 'stepsTried' ? ['Checked caps lock', text] : text };
}

describe('draftForDisk', () => {
  it('covers every free-text field of the form', () => {
    expect(FREE_TEXT_FIELDS).toEqual(
      expect.arrayContaining(['subject', 'description', 'stepsTried', 'replicationSteps', 'callerName', 'callbackPhone', 'studentName', 'studentNumber', 'school']),
    );
  });

  it.each(FREE_TEXT_FIELDS)('keeps a password typed into %s out of the saved copy', (field) => {
    const saved = draftForDisk(withText(field, SECRET_TEXT));
    expect(JSON.stringify(saved)).not.toContain(PASSWORD);
    expect(JSON.stringify(saved[field])).toContain(UNSAVED_SECRET_MARK);
  });

  it('keeps the words around the password', () => {
    const saved = draftForDisk(withText('description', `Parent called. ${SECRET_TEXT}. Locked out since Monday.`));
    expect(saved.description).toBe(`Parent called. the password is ${UNSAVED_SECRET_MARK}. Locked out since Monday.`);
  });

  it('keeps innocent text, help-desk talk about passwords included, exactly as typed', () => {
    const innocent: EscalationDraftInput = {
      ...blankDraft(),
      subject: 'HAC login fails after password reset',
      description: 'Parent reset the password yesterday; the portal still says the password is wrong.',
      stepsTried: ['Reset the password → Done', 'Checked caps lock'],
      replicationSteps: 'Sign in to HAC as the parent; see "invalid login".',
      callerName: 'Ana Lopez',
      callbackPhone: '(555) 234-5678',
      studentName: 'Sam Lopez',
      studentNumber: '123456',
      school: 'Lincoln Elementary',
      sealedNotes: [{ handle: 'h1', label: 'Login ID', preview: 'a•••' }],
    };
    expect(draftForDisk(innocent)).toEqual(innocent);
  });

  it('leaves fields the analyst has not filled in as they were', () => {
    const draft: EscalationDraftInput = { ...blankDraft(), replicationSteps: undefined, callerName: undefined, school: undefined };
    expect(draftForDisk(draft)).toEqual(draft);
  });
});

describe('guardedText', () => {
  it('reads a text field as typed and the steps already tried as one text, a line per step', () => {
    expect(guardedText({ description: 'Locked out' }, 'description')).toBe('Locked out');
    expect(guardedText({ stepsTried: ['Checked caps lock', 'Reset the password'] }, 'stepsTried')).toBe('Checked caps lock\nReset the password');
  });

  it('reads a field the analyst has not filled in as empty text', () => {
    expect(guardedText({}, 'school')).toBe('');
    expect(guardedText({ stepsTried: [] }, 'stepsTried')).toBe('');
  });
});

describe('findDraftSecrets', () => {
  it('names the field, its label and where in its text each suspected password sits', () => {
    const hits = findDraftSecrets({ subject: 'HAC login', stepsTried: ['Checked caps lock', SECRET_TEXT] });
    expect(hits).toHaveLength(1);
    const [hit] = hits;
    const text = `Checked caps lock\n${SECRET_TEXT}`;
    expect(hit).toMatchObject({ field: 'stepsTried', label: 'Steps already tried', text });
    expect(text.slice(hit!.start, hit!.end)).toBe(PASSWORD);
    expect(hit!.kind).toBeTruthy();
  });

  it('finds one in every guarded field, in the order of the form', () => {
    const draft = Object.fromEntries(GUARDED_FIELDS.map(([field]) => [field, field === 'stepsTried' ? [SECRET_TEXT] : SECRET_TEXT]));
    expect(findDraftSecrets(draft).map((h) => h.field)).toEqual(GUARDED_FIELDS.map(([field]) => field));
  });

  it('finds nothing in help-desk talk about passwords', () => {
    expect(findDraftSecrets({ subject: 'HAC login fails after password reset', description: 'Parent reset the password yesterday.' })).toEqual([]);
  });
});

describe('scanDraft, with main checking the draft against its own sealed notes', () => {
  let main: TestServices;
  beforeEach(async () => {
    main = await startTestServices();
    const api = createDeskbookApi({ invoke: (channel, input) => main.call(channel, input), subscribe: () => () => undefined });
    Object.defineProperty(window, 'deskbook', { value: api, configurable: true });
  });
  afterEach(() => {
    Reflect.deleteProperty(window, 'deskbook');
    main.dispose();
  });

  /** The guarded fields and the sealed notes scanDraft reads, empty unless given. */
  const scanned = (values: Partial<Parameters<typeof scanDraft>[0]>): Parameters<typeof scanDraft>[0] => ({
    subject: '',
    description: '',
    stepsTried: [],
    replicationSteps: undefined,
    usersAffected: undefined,
    callerName: undefined,
    studentName: undefined,
    school: undefined,
    sealedNotes: [],
    ...values,
  });

  async function seal(plaintext: string): Promise<EscalationDraftInput['sealedNotes'][number]> {
    return unwrap(deskbook().vault.seal({ label: 'HAC password', plaintext }));
  }

  it('flags the whole field where a sealed note is pasted back, whatever the note looks like', async () => {
    const note = await seal('sunflower meadow');
    const hits = await scanDraft(scanned({ school: 'Lincoln (sunflower meadow)', description: 'Locked out', sealedNotes: [note] }));
    expect(hits).toEqual([{ field: 'school', label: 'School', text: 'Lincoln (sunflower meadow)', start: 0, end: 0, kind: 'sealed-value' }]);
  });

  it('finds a sealed note in the steps already tried', async () => {
    const note = await seal('sunflower meadow');
    const hits = await scanDraft(scanned({ stepsTried: ['Checked caps lock', 'tried sunflower meadow'], sealedNotes: [note] }));
    expect(hits.map((h) => [h.field, h.kind])).toEqual([['stepsTried', 'sealed-value']]);
  });

  it("keeps the detector's finding, with its place, and adds no second hit for the same field", async () => {
    const note = await seal(PASSWORD);
    const hits = await scanDraft(scanned({ description: SECRET_TEXT, sealedNotes: [note] }));
    expect(hits).toHaveLength(1);
    expect(hits[0]!.field).toBe('description');
    expect(hits[0]!.kind).not.toBe('sealed-value');
    expect(SECRET_TEXT.slice(hits[0]!.start, hits[0]!.end)).toBe(PASSWORD);
  });

  it('passes a draft whose fields carry none of its sealed notes', async () => {
    const note = await seal('sunflower meadow');
    expect(await scanDraft(scanned({ description: 'Locked out since Monday', sealedNotes: [note] }))).toEqual([]);
  });

  it('asks main nothing when the draft has no sealed notes', async () => {
    Reflect.deleteProperty(window, 'deskbook');
    expect(await scanDraft(scanned({ description: SECRET_TEXT, sealedNotes: [] }))).toHaveLength(1);
  });
});
