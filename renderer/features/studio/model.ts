import { lintSop } from '../../../shared/sop/lint';
import type { LintFinding, LintOptions } from '../../../shared/sop/lint';
import { nodeTexts } from '../../../shared/sop/nodes';
import { idSchema, sopDocumentSchema, sopNodeSchema, VERIFY_METHODS } from '../../../shared/sop/schema';
import type { SopChoice, SopDocument, SopNode } from '../../../shared/sop/schema';

/**
 * The SOP Studio's editing model: a pure reducer over the document being edited, with undo.
 * Structure is kept valid here (every node the reducer writes parses with the node schema); the
 * graph is not: an edit may leave an edge to nothing or a variable used before it is captured,
 * and lint reports it on the node at once (`findingsByNode`), so the supervisor sees the break
 * where they made it instead of the edit being silently refused or "repaired".
 */

/** The document being edited and its history; `past` is oldest first, `future` nearest first. */
export interface StudioState {
  doc: SopDocument;
  past: SopDocument[];
  future: SopDocument[];
  /**
   * The field the last `typing` edit changed (`node/path`): the next keystroke in the same field
   * replaces that edit's result instead of adding an undo step, so Ctrl+Z undoes a word typed,
   * not one letter.
   */
  typing?: string;
}

/**
 * What `edit` returns. On success `state` is new and `error` is absent; when the action cannot
 * apply, `state` is the very state passed in and `error` says why in words a supervisor can act
 * on. `nodeId` names the node an `add-node` created.
 */
export interface EditResult {
  state: StudioState;
  error?: string;
  nodeId?: string;
}

export type NodeKind = SopNode['kind'];

/** Where an edge leaves a node: a question's choice, or a verify-identity node's `unverified` port. */
export interface EdgeSource {
  from: string;
  choiceId?: string;
  port?: 'next' | 'unverified';
}

export type StudioAction =
  | { type: 'add-node'; kind: NodeKind; id?: string; connectFrom?: EdgeSource }
  | { type: 'delete-node'; nodeId: string }
  | ({ type: 'connect'; to: string } & EdgeSource)
  | { type: 'set-field'; nodeId: string; path: readonly string[]; value: unknown; typing?: boolean }
  | { type: 'set-sop-field'; field: SopField; value: unknown; typing?: boolean }
  | { type: 'add-choice'; nodeId: string; label?: string; to?: string }
  | { type: 'remove-choice'; nodeId: string; choiceId: string }
  | { type: 'rename-node'; nodeId: string; to: string }
  | { type: 'set-start'; nodeId: string }
  | { type: 'undo' }
  | { type: 'redo' };

/** The SOP-level fields the Studio edits; `id` names the procedure and `version` is set by publishing. */
export const SOP_FIELDS = ['title', 'audience', 'locale', 'languages', 'tags', 'symptoms', 'ticket', 'translations'] as const;
export type SopField = (typeof SOP_FIELDS)[number];

/** Undo steps kept; older ones are dropped. */
export const HISTORY_LIMIT = 200;

/**
 * Where a new node's edges point until the supervisor connects them. It is a node id no node may
 * take (add and rename refuse it), so lint reports `next points to missing node "unconnected"`
 * on the new node: the open end is visible, and publishing is blocked until it is connected.
 */
export const UNCONNECTED = 'unconnected';

/** A studio over `doc` with empty history. */
export function createStudio(doc: SopDocument): StudioState {
  return { doc, past: [], future: [] };
}

/** A new SOP of one step whose `next` is not yet connected: where a procedure from scratch begins. */
export function blankSop(id: string, title: string): SopDocument {
  return {
    id,
    title,
    version: '0.1.0',
    audience: ['analyst'],
    locale: 'en-US',
    tags: [],
    symptoms: [],
    start: 'step-1',
    ticket: {},
    district: {},
    nodes: [newNode('step', 'step-1', [])],
  };
}

/** The first free `<kind>-<n>` id, e.g. `step-3`. */
export function freshNodeId(doc: SopDocument, kind: NodeKind): string {
  const taken = new Set(doc.nodes.map((node) => node.id));
  let n = 1;
  while (taken.has(`${kind}-${n}`)) n++;
  return `${kind}-${n}`;
}

/**
 * Applies one action. Pure: the state passed in is never changed. Every applied action except
 * undo/redo pushes the previous document onto `past` (capped at HISTORY_LIMIT) and clears `future`.
 */
export function edit(state: StudioState, action: StudioAction): EditResult {
  if (action.type === 'undo') {
    const previous = state.past.at(-1);
    if (previous === undefined) return { state, error: 'nothing to undo' };
    return { state: { doc: previous, past: state.past.slice(0, -1), future: [state.doc, ...state.future] } };
  }
  if (action.type === 'redo') {
    const [next, ...rest] = state.future;
    if (next === undefined) return { state, error: 'nothing to redo' };
    return { state: { doc: next, past: [...state.past, state.doc].slice(-HISTORY_LIMIT), future: rest } };
  }
  const outcome = apply(state.doc, action);
  if (typeof outcome === 'string') return { state, error: outcome };
  const typing = typingKey(action);
  const merge = typing !== undefined && typing === state.typing;
  const next: StudioState = {
    doc: outcome.doc,
    past: merge ? state.past : [...state.past, state.doc].slice(-HISTORY_LIMIT),
    future: [],
    ...(typing === undefined ? {} : { typing }),
  };
  return outcome.nodeId === undefined ? { state: next } : { state: next, nodeId: outcome.nodeId };
}

type Applied = { doc: SopDocument; nodeId?: string } | string;

function typingKey(action: StudioAction): string | undefined {
  if (action.type === 'set-field' && action.typing) return `${action.nodeId}/${action.path.join('.')}`;
  if (action.type === 'set-sop-field' && action.typing) return `/${action.field}`;
  return undefined;
}

function apply(doc: SopDocument, action: Exclude<StudioAction, { type: 'undo' | 'redo' }>): Applied {
  switch (action.type) {
    case 'add-node': {
      const id = action.id ?? freshNodeId(doc, action.kind);
      const refused = refuseNewId(doc, id);
      if (refused) return refused;
      const added = { ...doc, nodes: [...doc.nodes, newNode(action.kind, id, doc.nodes)] };
      if (action.connectFrom === undefined) return { doc: added, nodeId: id };
      const connected = connect(added, action.connectFrom, id);
      return typeof connected === 'string' ? connected : { doc: connected, nodeId: id };
    }
    case 'delete-node': {
      if (!doc.nodes.some((node) => node.id === action.nodeId)) return `there is no node "${action.nodeId}"`;
      if (doc.nodes.length === 1) return 'an SOP needs at least one node: add another before deleting this one';
      // Edges into the deleted node are left pointing at it: lint shows each as a dead end.
      return { doc: { ...doc, nodes: doc.nodes.filter((node) => node.id !== action.nodeId) } };
    }
    case 'connect': {
      const connected = connect(doc, action, action.to);
      return typeof connected === 'string' ? connected : { doc: connected };
    }
    case 'set-field':
      return setField(doc, action.nodeId, action.path, action.value);
    case 'add-choice':
      return updateQuestion(doc, action.nodeId, (node) => {
        if (action.to !== undefined && !hasNode(doc, action.to)) return `there is no node "${action.to}" to point the choice at`;
        const ids = new Set(node.choices.map((choice) => choice.id));
        let n = node.choices.length + 1;
        while (ids.has(`choice-${n}`)) n++;
        const choice: SopChoice = { id: `choice-${n}`, label: action.label ?? `Choice ${n}`, next: action.to ?? UNCONNECTED };
        return { ...node, choices: [...node.choices, choice] };
      });
    case 'remove-choice':
      return updateQuestion(doc, action.nodeId, (node) => {
        const index = node.choices.findIndex((choice) => choice.id === action.choiceId);
        if (index < 0) return `question "${node.id}" has no choice "${action.choiceId}"`;
        if (node.choices.length === 1) return 'a question needs at least one choice: add another before removing this one';
        const removed = { ...node, choices: node.choices.filter((_, i) => i !== index) };
        return node.translations ? { ...removed, translations: shiftChoiceTranslations(node.translations, index) } : removed;
      });
    case 'rename-node': {
      if (!hasNode(doc, action.nodeId)) return `there is no node "${action.nodeId}"`;
      if (action.to === action.nodeId) return `the node is already called "${action.to}"`;
      const refused = refuseNewId(doc, action.to);
      if (refused) return refused;
      const re = (id: string) => (id === action.nodeId ? action.to : id);
      return {
        doc: {
          ...doc,
          start: re(doc.start),
          nodes: doc.nodes.map((node) => retarget({ ...node, id: re(node.id) }, re)),
        },
      };
    }
    case 'set-start':
      if (!hasNode(doc, action.nodeId)) return `there is no node "${action.nodeId}"`;
      return { doc: { ...doc, start: action.nodeId } };
    case 'set-sop-field':
      return setSopField(doc, action.field, action.value);
  }
}

/**
 * Sets (or, with `value` undefined, removes) an SOP-level field. The changed document must parse
 * with the document schema, which is how a bad locale or an empty title is refused with the
 * schema's reason; the nodes are kept as they were, so their lint results stay cached.
 */
function setSopField(doc: SopDocument, field: SopField, value: unknown): Applied {
  const { [field]: _old, ...rest } = doc;
  const changed = (value === undefined ? rest : { ...doc, [field]: value }) as SopDocument;
  const parsed = sopDocumentSchema.safeParse({ ...changed, nodes: [PARSE_PLACEHOLDER] });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return `${(issue?.path ?? [field]).map(String).join('.') || field}: ${issue?.message ?? 'not a valid value'}`;
  }
  if (typeof changed.title !== 'string') return "the title is set one language at a time: a string in the SOP's own language, or under translations.<language>.title";
  return { doc: changed };
}

/** The node an SOP-level check parses with, so a 500-node document is not re-parsed per keystroke. */
const PARSE_PLACEHOLDER = { id: 'placeholder', kind: 'outcome', outcome: { type: 'resolved', summary: 'placeholder' } } as const;

const hasNode = (doc: SopDocument, id: string) => doc.nodes.some((node) => node.id === id);

/** Why `id` cannot name a new or renamed node, or undefined when it can. */
function refuseNewId(doc: SopDocument, id: string): string | undefined {
  if (!idSchema.safeParse(id).success) return `"${id}" is not a valid id: use kebab-case (a-z, 0-9, single dashes), e.g. ask-has-login`;
  if (id === UNCONNECTED) return `"${UNCONNECTED}" is reserved for edges not yet connected: choose another id`;
  if (hasNode(doc, id)) return `a node called "${id}" already exists: choose another id`;
  return undefined;
}

/** Minimal content the schema accepts, with its edges open (UNCONNECTED) until connected. */
function newNode(kind: NodeKind, id: string, existing: readonly SopNode[]): SopNode {
  const common = { id, sensitive: false };
  switch (kind) {
    case 'step':
      return { ...common, kind, text: 'Describe what the analyst does', next: UNCONNECTED };
    case 'question':
      return {
        ...common,
        kind,
        prompt: 'What does the caller see?',
        choices: [
          { id: 'yes', label: 'Yes', next: UNCONNECTED },
          { id: 'no', label: 'No', next: UNCONNECTED },
        ],
      };
    case 'input':
      return {
        ...common,
        kind,
        prompt: 'What to collect and why',
        fields: [{ var: freshVariable(id, existing), label: 'Value', type: 'text', required: true }],
        next: UNCONNECTED,
      };
    case 'verify-identity':
      return { ...common, kind, prompt: 'Check who is calling', methods: [...VERIFY_METHODS], next: UNCONNECTED, unverified: UNCONNECTED };
    case 'outcome':
      return { ...common, kind, outcome: { type: 'resolved', summary: 'Resolved' } };
  }
}

/** `input-3` → `input3`, suffixed until no input field in the SOP captures that name. */
function freshVariable(id: string, existing: readonly SopNode[]): string {
  const taken = new Set(existing.flatMap((node) => (node.kind === 'input' ? node.fields.map((field) => field.var) : [])));
  const base = id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
  return name;
}

/** Points the edge leaving `source` at `to`; refuses a port the node does not have. */
function connect(doc: SopDocument, source: EdgeSource, to: string): SopDocument | string {
  if (!hasNode(doc, to)) return `there is no node "${to}" to connect to`;
  const node = doc.nodes.find((candidate) => candidate.id === source.from);
  if (!node) return `there is no node "${source.from}"`;
  const port = source.port ?? 'next';
  let changed: SopNode;
  switch (node.kind) {
    case 'outcome':
      return `"${node.id}" is an outcome: the run ends there, so nothing leaves it`;
    case 'question': {
      if (source.choiceId === undefined) return `"${node.id}" is a question: say which choice to connect`;
      if (!node.choices.some((choice) => choice.id === source.choiceId)) return `question "${node.id}" has no choice "${source.choiceId}"`;
      changed = { ...node, choices: node.choices.map((choice) => (choice.id === source.choiceId ? { ...choice, next: to } : choice)) };
      break;
    }
    case 'verify-identity':
      changed = port === 'unverified' ? { ...node, unverified: to } : { ...node, next: to };
      break;
    case 'step':
    case 'input':
      if (port !== 'next') return `"${node.id}" has only a next edge`;
      changed = { ...node, next: to };
      break;
  }
  return replaceNode(doc, node, changed);
}

function replaceNode(doc: SopDocument, node: SopNode, changed: SopNode): SopDocument {
  return { ...doc, nodes: doc.nodes.map((candidate) => (candidate === node ? changed : candidate)) };
}

/** The node with every edge target passed through `re`. */
function retarget(node: SopNode, re: (id: string) => string): SopNode {
  switch (node.kind) {
    case 'step':
    case 'input':
      return { ...node, next: re(node.next) };
    case 'verify-identity':
      return { ...node, next: re(node.next), unverified: re(node.unverified) };
    case 'question':
      return { ...node, choices: node.choices.map((choice) => ({ ...choice, next: re(choice.next) })) };
    case 'outcome':
      return node;
  }
}

function updateQuestion(
  doc: SopDocument,
  nodeId: string,
  change: (node: Extract<SopNode, { kind: 'question' }>) => SopNode | string,
): Applied {
  const node = doc.nodes.find((candidate) => candidate.id === nodeId);
  if (!node) return `there is no node "${nodeId}"`;
  if (node.kind !== 'question') return `"${nodeId}" is a ${node.kind}, not a question: only questions have choices`;
  const changed = change(node);
  return typeof changed === 'string' ? changed : { doc: replaceNode(doc, node, changed) };
}

/** Translations name choices by position (`choices[2].label`): removing one moves those after it up. */
function shiftChoiceTranslations(translations: NonNullable<SopNode['translations']>, removed: number): NonNullable<SopNode['translations']> {
  const shifted: NonNullable<SopNode['translations']> = {};
  for (const [language, fields] of Object.entries(translations)) {
    const out: Record<string, string> = {};
    for (const [field, text] of Object.entries(fields)) {
      const match = /^choices\[(\d+)\](\..+)$/.exec(field);
      const index = match ? Number(match[1]) : -1;
      if (index === removed) continue;
      out[match && index > removed ? `choices[${index - 1}]${match[2] ?? ''}` : field] = text;
    }
    shifted[language] = out;
  }
  return shifted;
}

/**
 * Sets (or, with `value` undefined, removes) the value at `path` in a node, e.g. ['say'] or
 * ['choices', '0', 'label']. Texts are strings in the SOP's own language; other languages go
 * under ['translations', 'es', 'say']. The id is changed by `rename-node` (it updates every
 * edge), and the result must still parse with the node schema, so the shape stays valid.
 */
function setField(doc: SopDocument, nodeId: string, path: readonly string[], value: unknown): Applied {
  const node = doc.nodes.find((candidate) => candidate.id === nodeId);
  if (!node) return `there is no node "${nodeId}"`;
  const [head] = path;
  if (head === undefined) return 'say which field to set';
  if (head === 'id') return 'use rename-node to change an id: it also updates every edge that points to the node';
  if (head === 'kind') return 'a node cannot change kind: add a node of the new kind and delete this one';
  const changed = setIn(node, path, value);
  if (changed instanceof Refusal) return changed.reason;
  const parsed = sopNodeSchema.safeParse(changed);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return `${(issue?.path ?? path).map(String).join('.') || path.join('.')}: ${issue?.message ?? 'not a valid value'}`;
  }
  const candidate = changed as SopNode;
  if (nodeTexts(candidate).some(({ text }) => typeof text !== 'string')) {
    return "texts are set one language at a time: a string in the SOP's own language, or under translations.<language>";
  }
  return { doc: replaceNode(doc, node, candidate) };
}

/** Why a path cannot be set; a class so it is never mistaken for a string value being set. */
class Refusal {
  constructor(readonly reason: string) {}
}

function setIn(target: unknown, path: readonly string[], value: unknown): unknown {
  const [key, ...rest] = path;
  if (key === undefined) return value;
  if (Array.isArray(target)) {
    const index = Number(key);
    if (!Number.isInteger(index) || index < 0 || index >= target.length) return new Refusal(`there is no item ${key} in the list`);
    if (rest.length === 0 && value === undefined) return new Refusal('lists keep their items: use remove-choice to remove a choice');
    const inner = setIn(target[index], rest, value);
    return inner instanceof Refusal ? inner : target.map((item, i) => (i === index ? inner : item));
  }
  if (target !== undefined && (typeof target !== 'object' || target === null)) {
    return new Refusal(`cannot set ${path.join('.')} inside a ${typeof target}`);
  }
  const record = (target ?? {}) as Record<string, unknown>;
  if (rest.length === 0) {
    if (value !== undefined) return { ...record, [key]: value };
    const { [key]: _removed, ...kept } = record;
    return kept;
  }
  const inner = setIn(record[key], rest, value);
  return inner instanceof Refusal ? inner : { ...record, [key]: inner };
}

// Lint of the same document is done once: canPublish, the graph and undo/redo share it.
const lintCache = new WeakMap<SopDocument, { options: LintOptions | undefined; grouped: ReadonlyMap<string, readonly LintFinding[]> }>();

/**
 * Lint findings grouped by the node they are on; SOP-level ones (missing start, ticket subject,
 * languages) under ''. The map the graph view colours nodes by, recomputed after every edit and
 * remembered per document (documents are never changed in place, so identity is the key; pass
 * the same `options` object to hit the cache). Read-only: the map is shared between callers.
 */
export function findingsByNode(doc: SopDocument, options?: LintOptions): ReadonlyMap<string, readonly LintFinding[]> {
  const cached = lintCache.get(doc);
  if (cached && cached.options === options) return cached.grouped;
  const grouped = new Map<string, LintFinding[]>();
  for (const finding of lintSop(doc, options)) {
    const key = finding.nodeId ?? '';
    const list = grouped.get(key);
    if (list) list.push(finding);
    else grouped.set(key, [finding]);
  }
  lintCache.set(doc, { options, grouped });
  return grouped;
}

/** True when lint finds no error (warnings do not block): the gate on the Publish button. */
export function canPublish(doc: SopDocument, options?: LintOptions): boolean {
  for (const findings of findingsByNode(doc, options).values()) {
    if (findings.some((finding) => finding.severity === 'error')) return false;
  }
  return true;
}
