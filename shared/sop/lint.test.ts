import { describe, expect, it } from 'vitest';
import { DEFAULT_ALLOWED_LINK_HOSTS, lintPack, lintSop } from './lint';
import type { LintFinding } from './lint';
import { sopDocumentSchema, sopPackSchema } from './schema';
import type { SopDocument, SopDocumentInput } from './schema';

const resolved = { kind: 'outcome', outcome: { type: 'resolved', summary: 'Done' } } as const;

function sop(nodes: SopDocumentInput['nodes'], start = 'a'): SopDocument {
  return sopDocumentSchema.parse({ id: 'test-sop', title: 'Test', version: '1.0.0', audience: ['analyst'], start, nodes });
}

const rules = (findings: LintFinding[]) => findings.map((f) => `${f.severity} ${f.rule} ${f.nodeId ?? ''}`.trim());

describe('lintSop graph rules', () => {
  it('finds nothing wrong with a small well-formed SOP', () => {
    expect(lintSop(sop({ a: { kind: 'step', text: 'Go', next: 'done' }, done: resolved }))).toEqual([]);
  });

  it('reports a next that points to a missing node as a dead end, naming the field', () => {
    const findings = lintSop(
      sop({
        a: { kind: 'question', prompt: 'Which?', choices: [{ id: 'x', label: 'X', next: 'done' }, { id: 'y', label: 'Y', next: 'nowhere' }] },
        done: resolved,
      }),
    );
    expect(findings).toEqual([
      expect.objectContaining({ severity: 'error', rule: 'dead-end', nodeId: 'a', field: 'choices[1].next' }),
    ]);
  });

  it('reports a question with no choices as a dead end', () => {
    const doc = sop({ a: { kind: 'step', text: 'Go', next: 'done' }, done: resolved });
    const broken: SopDocument = {
      ...doc,
      nodes: [...doc.nodes, { id: 'q', kind: 'question', sensitive: false, prompt: 'Hmm?', choices: [] }],
    };
    expect(rules(lintSop(broken))).toContain('error dead-end q');
  });

  it('warns about unreachable nodes', () => {
    const findings = lintSop(sop({ a: { kind: 'step', text: 'Go', next: 'done' }, orphan: { kind: 'step', text: 'Lost', next: 'done' }, done: resolved }));
    expect(rules(findings)).toEqual(['warning unreachable-node orphan']);
  });

  it('reports a missing start node', () => {
    expect(rules(lintSop(sop({ a: { kind: 'step', text: 'Go', next: 'done' }, done: resolved }, 'begin')))).toEqual([
      'error missing-start',
    ]);
  });

  it('reports a loop with no way out and that no outcome is reachable', () => {
    const findings = lintSop(
      sop({
        a: { kind: 'step', text: 'One', next: 'b' },
        b: { kind: 'question', prompt: 'Again?', choices: [{ id: 'again', label: 'Again', next: 'a' }, { id: 'stay', label: 'Stay', next: 'b' }] },
        done: resolved,
      }),
    );
    expect(rules(findings)).toEqual(['warning unreachable-node done', 'error no-outcome-reachable a', 'error cycle-without-exit a']);
    expect(findings.find((f) => f.rule === 'cycle-without-exit')?.message).toContain('a → b');
  });

  it('accepts a loop that has a way out', () => {
    const findings = lintSop(
      sop({
        a: { kind: 'step', text: 'Try', next: 'b' },
        b: { kind: 'question', prompt: 'Worked?', choices: [{ id: 'retry', label: 'Retry', next: 'a' }, { id: 'ok', label: 'Yes', next: 'done' }] },
        done: resolved,
      }),
    );
    expect(findings).toEqual([]);
  });

  it('reports duplicate node ids, choice ids and field variables', () => {
    const doc = sopDocumentSchema.parse({
      id: 'dupes',
      title: 'Dupes',
      version: '1.0.0',
      audience: ['analyst'],
      start: 'a',
      nodes: [
        { id: 'a', kind: 'input', prompt: 'Who?', fields: [{ var: 'name', label: 'Name', type: 'text' }, { var: 'name', label: 'Again', type: 'text' }], next: 'b' },
        { id: 'b', kind: 'question', prompt: 'Which?', choices: [{ id: 'x', label: 'X', next: 'done' }, { id: 'x', label: 'X2', next: 'done' }] },
        { id: 'b', kind: 'step', text: 'Shadowed', next: 'done' },
        { id: 'done', ...resolved },
      ],
    });
    expect(rules(lintSop(doc))).toEqual(['error duplicate-field-var a', 'error duplicate-choice-id b', 'error duplicate-node-id b']);
  });
});

describe('lintSop variable rules', () => {
  it('reports a variable that is never captured as an error', () => {
    const findings = lintSop(sop({ a: { kind: 'step', text: 'Call {{callbackPhone}}', next: 'done' }, done: resolved }));
    expect(findings).toEqual([
      expect.objectContaining({ severity: 'error', rule: 'undefined-variable', nodeId: 'a', field: 'text' }),
    ]);
  });

  it('warns when a variable is captured on some paths to a node but not all', () => {
    const findings = lintSop(
      sop({
        a: { kind: 'question', prompt: 'Phone?', choices: [{ id: 'ask', label: 'Ask', next: 'phone' }, { id: 'skip', label: 'Skip', next: 'b' }] },
        phone: { kind: 'input', prompt: 'Phone', fields: [{ var: 'callbackPhone', label: 'Phone', type: 'phone' }], next: 'b' },
        b: { kind: 'step', text: 'Call back on {{callbackPhone}}', next: 'done' },
        done: resolved,
      }),
    );
    expect(rules(findings)).toEqual(['warning maybe-undefined-variable b']);
  });

  it('treats optional fields as possibly missing and question vars as captured', () => {
    const findings = lintSop(
      sop({
        a: { kind: 'input', prompt: 'Email', fields: [{ var: 'email', label: 'Email', type: 'text', required: false }], next: 'q' },
        q: { kind: 'question', prompt: 'Role?', var: 'callerRole', choices: [{ id: 'p', label: 'Parent', next: 'done' }] },
        done: { kind: 'outcome', outcome: { type: 'resolved', summary: '{{callerRole}} {{email}}' } },
      }),
    );
    expect(findings).toEqual([
      expect.objectContaining({ rule: 'maybe-undefined-variable', nodeId: 'done', field: 'outcome.summary' }),
    ]);
    expect(findings[0]?.message).toContain('{{email}}');
  });

  it('accepts a variable captured on every branch, including through a loop', () => {
    const findings = lintSop(
      sop({
        a: { kind: 'question', prompt: 'Who?', var: 'callerRole', choices: [{ id: 'p', label: 'Parent', next: 'b' }, { id: 's', label: 'Staff', next: 'b' }] },
        b: { kind: 'question', prompt: 'Retry, {{callerRole}}?', choices: [{ id: 'again', label: 'Again', next: 'a' }, { id: 'ok', label: 'OK', next: 'done' }] },
        done: { kind: 'outcome', outcome: { type: 'resolved', summary: 'Helped {{callerRole}}' } },
      }),
    );
    expect(findings).toEqual([]);
  });
});

describe('lintSop link rules', () => {
  /** Built past the schema (which already refuses non-https links) to test lint's own check. */
  function withLink(url: string): SopDocument {
    const doc = sop({ a: { kind: 'step', text: 'Go', next: 'done' }, done: resolved });
    return { ...doc, nodes: doc.nodes.map((node) => (node.id === 'a' ? { ...node, links: [{ label: 'Site', url }] } : node)) };
  }

  it('allows https links on the allowlist, including a wildcard subdomain entry', () => {
    expect(lintSop(withLink('https://www.cfisd.net/parents'))).toEqual([]);
    expect(lintSop(withLink('https://kb.example.org:8443/x'), { allowedLinkHosts: ['*.example.org'] })).toEqual([]);
    expect(DEFAULT_ALLOWED_LINK_HOSTS).toContain('community.infinitecampus.com');
  });

  it('reports links that are not https or carry credentials', () => {
    expect(rules(lintSop(withLink('http://www.cfisd.net')))).toEqual(['error link-not-https a']);
    expect(rules(lintSop(withLink('https://me:pw@www.cfisd.net')))).toEqual(['error link-not-https a']);
  });

  it('reports hosts off the allowlist, comparing case-insensitively', () => {
    expect(rules(lintSop(withLink('https://evil.example.com/phish')))).toEqual(['error link-host-not-allowed a']);
    expect(lintSop(withLink('https://WWW.CFISD.NET/'))).toEqual([]);
    expect(rules(lintSop(withLink('https://www.cfisd.net.evil.com/')))).toEqual(['error link-host-not-allowed a']);
  });
});

describe('lintSop security rule', () => {
  it('refuses a node that tells staff to ask for the password, naming node and field', () => {
    const findings = lintSop(
      sop({ a: { kind: 'step', text: 'Check the ID.', say: 'Can you read me your password?', next: 'done' }, done: resolved }),
    );
    expect(findings).toEqual([
      expect.objectContaining({ severity: 'error', rule: 'security-asks-for-password', nodeId: 'a', field: 'say' }),
    ]);
  });

  it('checks notes, choice labels and outcome text too', () => {
    const findings = lintSop(
      sop({
        a: { kind: 'question', prompt: 'Next?', notes: "Don't tell the parent you are in their account.", choices: [{ id: 'x', label: 'Log in as the student', next: 'done' }] },
        done: { kind: 'outcome', outcome: { type: 'escalate', escalationKind: 'district-tier2', defaultPriority: 'low', assignee: 'T2', sealedNote: { prompt: 'Ask the parent for the password' }, summary: 'x' } },
      }),
    );
    expect(findings.map((f) => `${f.rule} ${f.nodeId} ${f.field}`)).toEqual([
      'security-logs-in-as-caller a choices[0].label',
      'security-hides-from-parent a notes',
      'security-asks-for-password done outcome.sealedNote.prompt',
    ]);
  });

  it('accepts prohibitions and caller-side instructions', () => {
    const findings = lintSop(
      sop({
        a: {
          kind: 'step',
          text: 'Never ask for the password. Do not give out student login or password information.',
          say: 'We never ask for your password. Please reset it with the Forgot your Password? link.',
          notes: 'do not ask for their password',
          next: 'done',
        },
        done: resolved,
      }),
    );
    expect(findings).toEqual([]);
  });
});

describe('lintPack', () => {
  it('reports an SOP id used twice in a pack and keeps each SOP findings', () => {
    const doc = { id: 'same', title: 'S', version: '1.0.0', audience: ['analyst'], start: 'a', nodes: { a: { kind: 'step', text: 'Go', next: 'gone' } } };
    const pack = sopPackSchema.parse({ id: 'pack', title: 'P', version: '1.0.0', publisher: 'Desk', sops: [doc, doc] });
    const findings = lintPack(pack);
    expect(findings.filter((f) => f.rule === 'duplicate-sop-id')).toHaveLength(1);
    expect(findings.filter((f) => f.rule === 'dead-end')).toHaveLength(2);
  });
});

describe('lintPack language rules', () => {
  const pack = (languages: string[], nodes: unknown) =>
    sopPackSchema.parse({
      id: 'lang-pack',
      title: 'Languages',
      version: '1.0.0',
      publisher: 'Desk',
      languages,
      sops: [{ id: 'test-sop', title: 'Test', version: '1.0.0', audience: ['analyst'], start: 'a', nodes }],
    });

  it('reports every caller script missing in a declared language, by node', () => {
    const findings = lintPack(
      pack(['en', 'es'], {
        a: { kind: 'step', text: 'Greet', say: { en: 'Hello', es: 'Hola' }, next: 'b' },
        b: { kind: 'step', text: 'Explain', say: 'This is how it works', next: 'done' },
        done: { ...resolved, say: 'Goodbye' },
      }),
    );
    expect(rules(findings)).toEqual(['error caller-script-missing-language b', 'error caller-script-missing-language done']);
    expect(findings[0]?.message).toContain('"es"');
  });

  it('asks nothing of a pack that declares only its own language', () => {
    expect(lintPack(pack(['en'], { a: { kind: 'step', text: 'Greet', say: 'Hello', next: 'done' }, done: resolved }))).toEqual([]);
  });

  it('reports a translation whose placeholders differ from the original', () => {
    const findings = lintPack(
      pack(['en', 'es'], {
        a: { kind: 'input', prompt: 'Name?', fields: [{ var: 'callerName', label: 'Caller', type: 'text' }], next: 'b' },
        b: { kind: 'step', text: 'Greet', say: { en: 'Hello {{callerName}}', es: 'Hola {{nombre}}' }, next: 'done' },
        done: resolved,
      }),
    );
    expect(rules(findings)).toContain('error translation-variables-differ b');
    expect(findings.find((f) => f.rule === 'translation-variables-differ')?.message).toMatch(/leaves out \{\{callerName\}\} and adds \{\{nombre\}\}/);
  });

  it('scans every language for unsafe instructions', () => {
    const findings = lintPack(
      pack(['en', 'es'], { a: { kind: 'step', text: { en: 'Reset it through the school.', es: 'Pídale la contraseña al padre.' }, next: 'done' }, done: resolved }),
    );
    expect(findings).toEqual([expect.objectContaining({ rule: 'security-asks-for-password', nodeId: 'a', field: 'text (es)' })]);
  });
});
