import { useEffect, useState } from 'react';
import { CALLER_ROLES } from '../../../shared/escalation/schema';
import { ownLanguage } from '../../../shared/sop/languages';
import { DEFAULT_ALLOWED_LINK_HOSTS } from '../../../shared/sop/lint';
import type { LintFinding } from '../../../shared/sop/lint';
import { nodeLabel } from '../../../shared/sop/nodes';
import { AUDIENCES, ESCALATION_KINDS, PRIORITIES, TICKET_FIELDS, VERIFY_METHODS } from '../../../shared/sop/schema';
import type { InputField, SopDocument, SopNode, SopOutcome } from '../../../shared/sop/schema';
import { useT } from '../../i18n';
import { CheckInput, SelectInput, TextInput } from './fields';
import type { Commit } from './fields';
import { KIND_LABEL } from './Graph';
import { UNCONNECTED } from './model';
import type { SopField, StudioAction } from './model';

/** Dispatches an action; returns why it was refused, or undefined. */
export type Dispatch = (action: StudioAction) => string | undefined;

/** `chosen` with `item` ticked or unticked, kept in the order `all` lists them. */
function toggled<T>(all: readonly T[], chosen: readonly T[], item: T, checked: boolean): T[] {
  return all.filter((candidate) => (candidate === item ? checked : chosen.includes(candidate)));
}

const INPUT_TYPES = ['text', 'phone', 'student-number', 'school', 'yes-no', 'date'] as const;

/** The findings on one node (or the SOP, for ''), each naming its field and rule. */
export function FindingList({ findings, onSelect }: { findings: readonly LintFinding[]; onSelect?: (nodeId: string) => void }) {
  const t = useT();
  if (findings.length === 0) return null;
  return (
    <ul className="studio-findings">
      {findings.map((finding, i) => (
        <li key={`${finding.rule}-${finding.field ?? ''}-${i}`} className={finding.severity}>
          <span className="studio-badge">{t(finding.severity === 'error' ? 'studio.finding.error' : 'studio.finding.warning')}</span>{' '}
          {onSelect && finding.nodeId ? (
            <button type="button" className="link" onClick={() => onSelect(finding.nodeId ?? '')}>
              {finding.nodeId}
            </button>
          ) : null}
          {finding.field ? <code>{finding.field}</code> : null} {finding.message} <span className="muted">({finding.rule})</span>
        </li>
      ))}
    </ul>
  );
}

/** The edge targets a select offers: not connected, every node, and a missing target as it stands. */
function targetOptions(doc: SopDocument, current: string, t: ReturnType<typeof useT>) {
  const options = [
    { value: UNCONNECTED, label: t('studio.edge.unconnected') },
    ...doc.nodes.map((node) => ({ value: node.id, label: `${node.id} · ${nodeLabel(node).slice(0, 50)}` })),
  ];
  if (current !== UNCONNECTED && !doc.nodes.some((node) => node.id === current)) options.push({ value: current, label: t('studio.edge.missing', { id: current }) });
  return options;
}

/**
 * Every field of one node, as its schema has them: the texts (with a box per caller language
 * the procedure declares), the edges as selects of the other nodes, choices and input fields as
 * lists with add and remove, the outcome's fields by its type. Each control edits the document
 * through the model, so undo, lint and the graph follow every keystroke.
 */
export function NodeForm({
  doc,
  node,
  findings,
  dispatch,
  onRenamed,
}: {
  doc: SopDocument;
  node: SopNode;
  findings: readonly LintFinding[];
  dispatch: Dispatch;
  onRenamed: (id: string) => void;
}) {
  const t = useT();
  const own = ownLanguage(doc);
  const others = (doc.languages ?? []).filter((language) => language !== own);
  const set = (path: readonly string[], value: unknown, typing = false) => dispatch({ type: 'set-field', nodeId: node.id, path, value, typing });
  const record = node as unknown as Record<string, unknown>;

  /** A text field and, under it, its translation per declared language (`field` as lint names it). */
  const local = (label: string, path: readonly string[], field: string, { optional = false, multiline = false } = {}) => {
    let value: unknown = record;
    for (const key of path) value = (value as Record<string, unknown> | undefined)?.[key];
    return (
      <div className="studio-local" key={field}>
        <TextInput
          label={label}
          value={typeof value === 'string' ? value : ''}
          optional={optional}
          multiline={multiline}
          onCommit={(text) => set(path, text === '' ? undefined : text, true)}
        />
        {others.map((language) => (
          <TextInput
            key={language}
            label={t('studio.field.inLanguage', { label, language: language.toUpperCase() })}
            lang={language}
            optional
            multiline={multiline}
            value={node.translations?.[language]?.[field] ?? ''}
            onCommit={(text) => set(['translations', language, field], text === '' ? undefined : text, true)}
          />
        ))}
      </div>
    );
  };
  const edge = (label: string, current: string, source: { port?: 'next' | 'unverified'; choiceId?: string }) => (
    <SelectInput label={label} value={current} options={targetOptions(doc, current, t)} onCommit={(to) => dispatch({ type: 'connect', from: node.id, ...source, to })} />
  );

  return (
    <form className="studio-node-form" aria-labelledby="studio-node-heading" onSubmit={(event) => event.preventDefault()}>
      <h2 id="studio-node-heading" tabIndex={-1}>
        {t('studio.node.heading', { kind: t(KIND_LABEL[node.kind]), id: node.id })}
      </h2>
      <FindingList findings={findings} />
      <RenameField id={node.id} dispatch={dispatch} onRenamed={onRenamed} />
      {doc.start === node.id ? (
        <p className="muted">{t('studio.node.isStart')}</p>
      ) : (
        <button type="button" onClick={() => dispatch({ type: 'set-start', nodeId: node.id })}>
          {t('studio.node.makeStart')}
        </button>
      )}
      {local(t('studio.field.title'), ['title'], 'title', { optional: true })}
      {node.kind === 'step' && local(t('studio.field.text'), ['text'], 'text', { multiline: true })}
      {(node.kind === 'question' || node.kind === 'input' || node.kind === 'verify-identity') && local(t('studio.field.prompt'), ['prompt'], 'prompt', { multiline: true })}
      {node.kind === 'outcome' && local(t('studio.field.outcomeText'), ['text'], 'text', { optional: true, multiline: true })}
      {local(t('studio.field.say'), ['say'], 'say', { optional: true, multiline: true })}
      {local(t('studio.field.notes'), ['notes'], 'notes', { optional: true, multiline: true })}
      <CheckInput label={t('studio.field.sensitive')} checked={node.sensitive} onCommit={(checked) => set(['sensitive'], checked)} />

      {(node.kind === 'step' || node.kind === 'input') && edge(t('studio.edge.next'), node.next, { port: 'next' })}
      {node.kind === 'verify-identity' && (
        <>
          <fieldset>
            <legend>{t('studio.field.methods')}</legend>
            {VERIFY_METHODS.map((method) => (
              <CheckInput
                key={method}
                label={method}
                checked={node.methods.includes(method)}
                onCommit={(checked) => set(['methods'], toggled(VERIFY_METHODS, node.methods, method, checked))}
              />
            ))}
          </fieldset>
          {edge(t('studio.edge.verified'), node.next, { port: 'next' })}
          {edge(t('studio.edge.unverified'), node.unverified, { port: 'unverified' })}
        </>
      )}
      {node.kind === 'question' && (
        <>
          <TextInput label={t('studio.field.var')} optional value={node.var ?? ''} onCommit={(text) => set(['var'], text === '' ? undefined : text, true)} />
          <TicketSelect value={node.ticket} onCommit={(value) => set(['ticket'], value === '' ? undefined : value)} />
          <fieldset>
            <legend>{t('studio.field.choices')}</legend>
            {node.choices.map((choice, i) => (
              <div className="studio-item" key={`${i}-${choice.id}`}>
                <TextInput label={t('studio.field.choiceId', { n: i + 1 })} value={choice.id} onCommit={(text) => set(['choices', String(i), 'id'], text, true)} />
                {local(t('studio.field.choiceLabel', { n: i + 1 }), ['choices', String(i), 'label'], `choices[${i}].label`)}
                <TextInput label={t('studio.field.choiceValue', { n: i + 1 })} optional value={choice.value ?? ''} onCommit={(text) => set(['choices', String(i), 'value'], text === '' ? undefined : text, true)} />
                {edge(t('studio.edge.choice', { n: i + 1 }), choice.next, { choiceId: choice.id })}
                <button type="button" onClick={() => dispatch({ type: 'remove-choice', nodeId: node.id, choiceId: choice.id })}>
                  {t('studio.field.removeChoice', { n: i + 1 })}
                </button>
              </div>
            ))}
            <button type="button" onClick={() => dispatch({ type: 'add-choice', nodeId: node.id })}>
              {t('studio.field.addChoice')}
            </button>
          </fieldset>
        </>
      )}
      {node.kind === 'input' && <InputFields node={node} set={set} local={local} />}
      {node.kind === 'outcome' && <OutcomeFields outcome={node.outcome} set={set} />}
      <Links node={node} set={set} />
    </form>
  );
}

function TicketSelect({ value, onCommit }: { value: string | undefined; onCommit: Commit }) {
  const t = useT();
  return (
    <SelectInput
      label={t('studio.field.ticket')}
      value={value ?? ''}
      options={[{ value: '', label: t('studio.field.ticketNone') }, ...TICKET_FIELDS.map((field) => ({ value: field, label: field }))]}
      onCommit={onCommit}
    />
  );
}

/** The id, renamed with its button (or Enter) rather than per keystroke: a rename moves every edge. */
function RenameField({ id, dispatch, onRenamed }: { id: string; dispatch: Dispatch; onRenamed: (id: string) => void }) {
  const t = useT();
  const [text, setText] = useState(id);
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    setText(id);
    setError(undefined);
  }, [id]);
  const rename = () => {
    if (text === id) return;
    const refused = dispatch({ type: 'rename-node', nodeId: id, to: text });
    setError(refused);
    if (!refused) onRenamed(text);
  };
  return (
    <div className="field studio-rename">
      <label htmlFor="studio-node-id">{t('studio.field.id')}</label>
      <input
        id="studio-node-id"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            rename();
          }
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'studio-node-id-error' : undefined}
      />
      <button type="button" onClick={rename} disabled={text === id}>
        {t('studio.field.rename')}
      </button>
      {error && (
        <p id="studio-node-id-error" className="error-text" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

type Set = (path: readonly string[], value: unknown, typing?: boolean) => string | undefined;
type Local = (label: string, path: readonly string[], field: string, options?: { optional?: boolean; multiline?: boolean }) => React.ReactNode;

function InputFields({ node, set, local }: { node: Extract<SopNode, { kind: 'input' }>; set: Set; local: Local }) {
  const t = useT();
  const fields = node.fields;
  const freshVar = () => {
    const taken = new Set(fields.map((field) => field.var));
    let n = fields.length + 1;
    while (taken.has(`value${n}`)) n++;
    return `value${n}`;
  };
  const number = (i: number, key: 'min' | 'max', field: InputField) => {
    const value = (field as Record<string, unknown>)[key];
    return (
      <TextInput
        label={t(key === 'min' ? 'studio.field.min' : 'studio.field.max', { n: i + 1 })}
        optional
        value={value === undefined ? '' : String(value)}
        onCommit={(text) => set(['fields', String(i), key], text === '' ? undefined : field.type === 'date' ? text : /^\d+$/.test(text) ? Number(text) : text, true)}
      />
    );
  };
  return (
    <fieldset>
      <legend>{t('studio.field.fields')}</legend>
      {fields.map((field, i) => (
        <div className="studio-item" key={`${i}-${field.var}`}>
          <TextInput label={t('studio.field.fieldVar', { n: i + 1 })} value={field.var} onCommit={(text) => set(['fields', String(i), 'var'], text, true)} />
          {local(t('studio.field.fieldLabel', { n: i + 1 }), ['fields', String(i), 'label'], `fields[${i}].label`)}
          <SelectInput
            label={t('studio.field.fieldType', { n: i + 1 })}
            value={field.type}
            options={INPUT_TYPES.map((type) => ({ value: type, label: type }))}
            onCommit={(type) => set(['fields', String(i)], { var: field.var, label: field.label, required: field.required, ...(field.hint ? { hint: field.hint } : {}), ...(field.ticket ? { ticket: field.ticket } : {}), type })}
          />
          <CheckInput label={t('studio.field.required', { label: t('studio.field.fieldLabel', { n: i + 1 }) })} checked={field.required} onCommit={(checked) => set(['fields', String(i), 'required'], checked)} />
          {local(t('studio.field.hint', { n: i + 1 }), ['fields', String(i), 'hint'], `fields[${i}].hint`, { optional: true })}
          <TicketSelect value={field.ticket} onCommit={(value) => set(['fields', String(i), 'ticket'], value === '' ? undefined : value)} />
          {(field.type === 'text' || field.type === 'student-number' || field.type === 'date') && (
            <>
              {number(i, 'min', field)}
              {number(i, 'max', field)}
            </>
          )}
          {field.type === 'text' && (
            <>
              <TextInput label={t('studio.field.pattern', { n: i + 1 })} optional value={field.pattern ?? ''} onCommit={(text) => set(['fields', String(i), 'pattern'], text === '' ? undefined : text, true)} />
              {local(t('studio.field.patternHint', { n: i + 1 }), ['fields', String(i), 'patternHint'], `fields[${i}].patternHint`, { optional: true })}
            </>
          )}
          <button type="button" onClick={() => set(['fields'], fields.filter((_, j) => j !== i))} disabled={fields.length === 1}>
            {t('studio.field.removeField', { n: i + 1 })}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => set(['fields'], [...fields, { var: freshVar(), label: t('studio.field.newFieldLabel'), type: 'text', required: true }])}>
        {t('studio.field.addField')}
      </button>
    </fieldset>
  );
}

const OUTCOME_LABEL = { resolved: 'studio.outcome.resolved', referred: 'studio.outcome.referred', escalate: 'studio.outcome.escalate' } as const;

const OUTCOME_DEFAULTS: Record<SopOutcome['type'], SopOutcome> = {
  resolved: { type: 'resolved', summary: 'Resolved on the call' },
  referred: { type: 'referred', to: 'The campus office', how: 'In person or by phone' },
  escalate: { type: 'escalate', escalationKind: 'district-tier2', defaultPriority: 'medium', assignee: 'District tier 2', summary: 'Escalated from the help desk' },
};

function OutcomeFields({ outcome, set }: { outcome: SopOutcome; set: Set }) {
  const t = useT();
  const text = (label: string, key: string, optional = false) => {
    const value = (outcome as Record<string, unknown>)[key];
    return <TextInput label={label} optional={optional} value={typeof value === 'string' ? value : ''} onCommit={(next) => set(['outcome', key], next === '' ? undefined : next, true)} />;
  };
  return (
    <fieldset>
      <legend>{t('studio.field.outcome')}</legend>
      <SelectInput
        label={t('studio.field.outcomeType')}
        value={outcome.type}
        options={(['resolved', 'referred', 'escalate'] as const).map((type) => ({ value: type, label: t(OUTCOME_LABEL[type]) }))}
        onCommit={(type) => set(['outcome'], OUTCOME_DEFAULTS[type as SopOutcome['type']])}
      />
      {outcome.type === 'resolved' && text(t('studio.field.summary'), 'summary')}
      {outcome.type === 'referred' && (
        <>
          {text(t('studio.field.referTo'), 'to')}
          {text(t('studio.field.referHow'), 'how')}
          {text(t('studio.field.summary'), 'summary', true)}
        </>
      )}
      {outcome.type === 'escalate' && (
        <>
          <SelectInput label={t('studio.field.escalationKind')} value={outcome.escalationKind} options={ESCALATION_KINDS.map((kind) => ({ value: kind, label: kind }))} onCommit={(kind) => set(['outcome', 'escalationKind'], kind)} />
          <SelectInput label={t('studio.field.priority')} value={outcome.defaultPriority} options={PRIORITIES.map((priority) => ({ value: priority, label: priority }))} onCommit={(priority) => set(['outcome', 'defaultPriority'], priority)} />
          {text(t('studio.field.assignee'), 'assignee')}
          {text(t('studio.field.queue'), 'queue', true)}
          {text(t('studio.field.subject'), 'subject', true)}
          {text(t('studio.field.summary'), 'summary')}
          <TextInput
            label={t('studio.field.sealedNote')}
            optional
            value={outcome.sealedNote?.prompt ?? ''}
            onCommit={(prompt) => set(['outcome', 'sealedNote'], prompt === '' ? undefined : { prompt }, true)}
          />
        </>
      )}
    </fieldset>
  );
}

function Links({ node, set }: { node: SopNode; set: Set }) {
  const t = useT();
  const links = node.links ?? [];
  return (
    <fieldset>
      <legend>{t('studio.field.links')}</legend>
      {links.map((link, i) => (
        <div className="studio-item" key={i}>
          <TextInput label={t('studio.field.linkLabel', { n: i + 1 })} value={link.label} onCommit={(text) => set(['links', String(i), 'label'], text, true)} />
          <TextInput label={t('studio.field.linkUrl', { n: i + 1 })} value={link.url} onCommit={(text) => set(['links', String(i), 'url'], text, true)} />
          <button type="button" onClick={() => set(['links'], links.length === 1 ? undefined : links.filter((_, j) => j !== i))}>
            {t('studio.field.removeLink', { n: i + 1 })}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => set(['links'], [...links, { label: t('studio.field.newLinkLabel'), url: `https://${DEFAULT_ALLOWED_LINK_HOSTS[0] ?? 'www.example.org'}/` }])}>
        {t('studio.field.addLink')}
      </button>
    </fieldset>
  );
}

/** The SOP-level fields: title, who it is for, its languages, search words and ticket defaults. */
export function SopForm({ doc, dispatch }: { doc: SopDocument; dispatch: Dispatch }) {
  const t = useT();
  const set = (field: SopField, value: unknown, typing = false) => dispatch({ type: 'set-sop-field', field, value, typing });
  const list = (text: string, separator: RegExp) => text.split(separator).map((item) => item.trim()).filter(Boolean);
  const symptoms = Array.isArray(doc.symptoms) ? doc.symptoms : [];
  return (
    <form className="studio-sop-form" aria-labelledby="studio-sop-heading" onSubmit={(event) => event.preventDefault()}>
      <h2 id="studio-sop-heading">{t('studio.sop.heading')}</h2>
      <p className="muted">{t('studio.sop.id', { id: doc.id, version: doc.version })}</p>
      <TextInput label={t('studio.sop.title')} value={doc.title} onCommit={(text) => set('title', text, true)} />
      <fieldset>
        <legend>{t('studio.sop.audience')}</legend>
        {AUDIENCES.map((audience) => (
          <CheckInput
            key={audience}
            label={audience}
            checked={doc.audience.includes(audience)}
            onCommit={(checked) => set('audience', toggled(AUDIENCES, doc.audience, audience, checked))}
          />
        ))}
      </fieldset>
      <TextInput label={t('studio.sop.locale')} value={doc.locale} onCommit={(text) => set('locale', text, true)} />
      <TextInput
        label={t('studio.sop.languages')}
        hint={t('studio.sop.languagesHint')}
        optional
        value={(doc.languages ?? []).join(', ')}
        onCommit={(text) => set('languages', list(text, /[,\s]+/).length > 0 ? list(text, /[,\s]+/) : undefined, true)}
      />
      <TextInput label={t('studio.sop.tags')} optional value={doc.tags.join(', ')} onCommit={(text) => set('tags', list(text, /,/), true)} />
      <TextInput label={t('studio.sop.symptoms')} hint={t('studio.sop.symptomsHint')} optional multiline value={symptoms.join('\n')} onCommit={(text) => set('symptoms', list(text, /\n/), true)} />
      <TextInput
        label={t('studio.sop.subject')}
        optional
        value={doc.ticket.subject ?? ''}
        onCommit={(text) => set('ticket', { ...doc.ticket, subject: text === '' ? undefined : text }, true)}
      />
      <SelectInput
        label={t('studio.sop.callerRole')}
        value={doc.ticket.callerRole ?? ''}
        options={[{ value: '', label: t('studio.sop.callerRoleAsked') }, ...CALLER_ROLES.map((role) => ({ value: role, label: role }))]}
        onCommit={(role) => set('ticket', { ...doc.ticket, callerRole: role === '' ? undefined : role })}
      />
    </form>
  );
}
