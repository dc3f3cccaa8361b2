import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIssuePath, schemaIssues } from './issues';
import { sopDocumentSchema, sopPackJsonSchema, sopPackSchema } from './schema';
import type { SopDocumentInput } from './schema';

/** An SOP around `nodes`; `unknown` so tests can feed it deliberately wrong nodes. */
const minimal = (nodes: unknown) => ({
  id: 'tiny-sop',
  title: 'Tiny',
  version: '1.0.0',
  audience: ['analyst'],
  start: 'ask',
  nodes,
});

const asMap: SopDocumentInput['nodes'] = {
  ask: { kind: 'step', text: 'Ask what happened', next: 'done' },
  done: { kind: 'outcome', outcome: { type: 'resolved', summary: 'Fixed' } },
};

function issuesOf(data: unknown) {
  const result = sopPackSchema.safeParse(data);
  return result.success ? [] : schemaIssues(result.error);
}

describe('sopDocumentSchema', () => {
  it('turns nodes written as a map into a list with ids, in order, with defaults applied', () => {
    const doc = sopDocumentSchema.parse(minimal(asMap));
    expect(doc.nodes.map((node) => node.id)).toEqual(['ask', 'done']);
    expect(doc.nodes[0]).toEqual({ id: 'ask', kind: 'step', text: 'Ask what happened', next: 'done', sensitive: false });
    expect(doc).toMatchObject({ locale: 'en-US', tags: [], symptoms: [] });
  });

  it('accepts nodes written as a list with ids and gives the same document', () => {
    const asList = [
      { id: 'ask', kind: 'step' as const, text: 'Ask what happened', next: 'done' },
      { id: 'done', kind: 'outcome' as const, outcome: { type: 'resolved' as const, summary: 'Fixed' } },
    ];
    expect(sopDocumentSchema.parse(minimal(asList))).toEqual(sopDocumentSchema.parse(minimal(asMap)));
  });

  it('keeps duplicate ids in the list form so lint can report them', () => {
    const doc = sopDocumentSchema.parse(
      minimal([
        { id: 'ask', kind: 'step', text: 'One', next: 'done' },
        { id: 'ask', kind: 'step', text: 'Two', next: 'done' },
        { id: 'done', kind: 'outcome', outcome: { type: 'resolved', summary: 'Fixed' } },
      ]),
    );
    expect(doc.nodes).toHaveLength(3);
  });

  it('defaults input fields to required', () => {
    const doc = sopDocumentSchema.parse(
      minimal({
        ask: { kind: 'input', prompt: 'Who?', fields: [{ var: 'callerName', label: 'Caller', type: 'text' }], next: 'done' },
        done: { kind: 'outcome', outcome: { type: 'resolved', summary: 'x' } },
      }),
    );
    const node = doc.nodes[0];
    expect(node?.kind === 'input' && node.fields[0]?.required).toBe(true);
  });

  it.each([
    ['a non-https link', { links: [{ label: 'x', url: 'http://example.org' }] }, 'links[0].url'],
    ['a link with credentials', { links: [{ label: 'x', url: 'https://user:pw@example.org' }] }, 'links[0].url'],
    ['a misspelled key', { txt: 'typo' }, ''],
  ])('rejects %s on a node', (_name, extra, field) => {
    const issues = issuesOf({
      id: 'p',
      title: 'P',
      version: '1.0.0',
      publisher: 'Desk',
      sops: [minimal({ ...asMap, ask: { kind: 'step', text: 'Ask', next: 'done', ...extra } })],
    });
    expect(issues.map((issue) => issue.path)).toContain(`sops[0].nodes.ask${field === '' ? '' : `.${field}`}`);
  });

  it('rejects an input pattern that is not a valid regular expression', () => {
    const result = sopDocumentSchema.safeParse(
      minimal({
        ask: { kind: 'input', prompt: 'Code?', fields: [{ var: 'code', label: 'Code', type: 'text', pattern: '([' }], next: 'done' },
        done: { kind: 'outcome', outcome: { type: 'resolved', summary: 'x' } },
      }),
    );
    expect(result.error?.issues[0]?.message).toBe('pattern must be a valid regular expression');
  });
});

describe('schema issues', () => {
  it('report the path inside the node map, not a bare "invalid union"', () => {
    const issues = issuesOf({
      id: 'p',
      title: 'P',
      version: '1.0.0',
      publisher: 'Desk',
      sops: [minimal({ ...asMap, ask: { kind: 'step', text: 'Ask', next: 'Ask Login' } })],
    });
    expect(issues).toEqual([
      { path: 'sops[0].nodes.ask.next', message: 'id must be kebab-case (a-z, 0-9, single dashes)' },
    ]);
  });

  it('name an unknown node kind and a non-semver version', () => {
    const issues = issuesOf({
      id: 'p',
      title: 'P',
      version: '1.0',
      publisher: 'Desk',
      sops: [minimal({ ...asMap, ask: { kind: 'stp', text: 'Ask', next: 'done' } })],
    });
    expect(issues.map((issue) => issue.path)).toEqual(['version', 'sops[0].nodes.ask.kind']);
  });

  it('format odd keys so the path stays unambiguous', () => {
    expect(formatIssuePath(['sops', 0, 'nodes', 'a.b', 'next'])).toBe('sops[0].nodes["a.b"].next');
  });
});

describe('sopPackJsonSchema', () => {
  it('matches the committed sop-pack.schema.json (regenerate: npx tsx scripts/sop-lint.ts --write-schema)', () => {
    const committed = readFileSync(new URL('./sop-pack.schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(`${JSON.stringify(sopPackJsonSchema(), null, 2)}\n`);
  });

  it('describes what authors write: defaulted keys are optional and nodes may be a map', () => {
    const schema = JSON.stringify(sopPackJsonSchema());
    expect(schema).toContain('"$schema":"http://json-schema.org/draft-07/schema#"');
    expect(schema).toContain('"propertyNames"');
    expect(sopPackJsonSchema()['definitions']).toMatchObject({
      SopDocument: { required: expect.not.arrayContaining(['locale', 'tags', 'symptoms']) },
    });
  });
});

describe('text in more than one language', () => {
  const bilingual = {
    id: 'p',
    title: 'P',
    version: '1.0.0',
    publisher: 'Desk',
    languages: ['en', 'es'],
    sops: [
      {
        ...minimal({
          ask: {
            kind: 'question',
            prompt: { en: 'Locked out?', es: '¿Cuenta bloqueada?' },
            say: { en: 'Is your account locked, {{callerName}}?', es: '¿Su cuenta está bloqueada, {{callerName}}?' },
            choices: [{ id: 'yes', label: { en: 'Yes', es: 'Sí' }, next: 'done' }],
          },
          done: { kind: 'outcome', say: 'Bye', outcome: { type: 'resolved', summary: 'Fixed' } },
        }),
        title: { en: 'Tiny', es: 'Pequeño' },
        symptoms: { en: ['locked out'], es: ['mi cuenta está bloqueada'] },
      },
    ],
  };

  it('keeps the SOP’s own language in each field and the others in translations', () => {
    const sop = sopPackSchema.parse(bilingual).sops[0]!;
    expect(sop).toMatchObject({
      title: 'Tiny',
      symptoms: ['locked out'],
      languages: ['en', 'es'],
      translations: { es: { title: 'Pequeño', symptoms: ['mi cuenta está bloqueada'] } },
    });
    expect(sop.nodes[0]).toMatchObject({
      prompt: 'Locked out?',
      say: 'Is your account locked, {{callerName}}?',
      choices: [{ id: 'yes', label: 'Yes', next: 'done' }],
      translations: { es: { prompt: '¿Cuenta bloqueada?', say: '¿Su cuenta está bloqueada, {{callerName}}?', 'choices[0].label': 'Sí' } },
    });
    expect(sop.nodes[1]).not.toHaveProperty('translations');
  });

  it('parses its own output to the same document, so a stored or exported SOP reads back', () => {
    const sop = sopPackSchema.parse(bilingual).sops[0]!;
    expect(sopDocumentSchema.parse(sop)).toEqual(sop);
  });

  it('refuses a text given per language without the SOP’s own, naming where', () => {
    const pack = structuredClone(bilingual);
    pack.sops[0]!.nodes = { ...asMap, ask: { kind: 'step', text: { es: 'Pregunte qué pasó' }, next: 'done' } } as never;
    expect(issuesOf(pack)).toEqual([expect.objectContaining({ path: 'sops[0].nodes.ask.text', message: expect.stringContaining('has no "en" text') })]);
  });

  it('refuses a language code that is not ISO 639', () => {
    expect(issuesOf({ ...bilingual, languages: ['en', 'Spanish'] }).map((issue) => issue.path)).toEqual(['languages[1]']);
  });
});
