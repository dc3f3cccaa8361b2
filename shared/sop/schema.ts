import { z } from 'zod';
import { CALLER_ROLES, VERIFY_METHODS } from '../escalation/schema';
import { PRIORITIES } from '../sla/priority';
import { inOwnLanguage } from './languages';
import type { InOwnLanguage } from './languages';

/**
 * The SOP document and pack schemas. Structure is the schema's job (shapes, formats, enums);
 * the graph and policy (reachability, variables, unsafe instructions) are lint's job, so lint can
 * report every problem at once with a rule name instead of stopping at the first parse error.
 */

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const kebabId = (what: string) =>
  z.string().regex(KEBAB, { error: `${what} must be kebab-case (a-z, 0-9, single dashes)` });

/** Node, choice and SOP ids: lowercase kebab-case, stable across versions. */
export const idSchema = kebabId('id').meta({ id: 'Id', description: 'kebab-case id, e.g. ask-has-login' });

/** Variable names are identifiers so `{{var}}` is unambiguous and they map onto form fields. */
export const variableNameSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, { error: 'variable names must be identifiers, e.g. callbackPhone' })
  .meta({ id: 'VariableName', description: 'Variable name, referenced in text as {{name}}' });

const text = (description: string) => z.string().min(1).meta({ description });

/** An ISO 639 language code, as packs declare their caller languages: `en`, `es`, `vi`. */
export const languageCodeSchema = z
  .string()
  .regex(/^[a-z]{2,3}$/, { error: 'language codes are two or three lowercase letters (ISO 639), e.g. en, es' })
  .meta({ id: 'LanguageCode' });

/** The same text in several languages, keyed by language code. */
const textByLanguage = z
  .record(languageCodeSchema, z.string().min(1))
  .refine((map) => Object.keys(map).length > 0, { error: 'give the text in at least one language, e.g. { en: "...", es: "..." }' })
  .brand<'TextByLanguage'>();

/**
 * Text said or shown in one language or several: a plain string is in the SOP's own language
 * (its `locale`); a map gives each language's text (`{ en: "...", es: "..." }`) and must include
 * the SOP's own. Parsing keeps the SOP's language in the field and moves the others into the
 * node's `translations`, so the engine, the ticket and lint read one language as before.
 */
const localText = (description: string) =>
  z.union([z.string().min(1), textByLanguage]).meta({
    description: `${description}. A string in the SOP's language, or the text per language: { en: "...", es: "..." }`,
  });

/**
 * A node's text in languages other than the SOP's own: language → field (as lint names it:
 * `say`, `prompt`, `choices[0].label`, `fields[1].hint`) → text. Written by parsing the map form
 * of each text; may also be written directly.
 */
export const translationsSchema = z
  .record(languageCodeSchema, z.record(z.string().min(1), z.string().min(1)))
  .meta({ id: 'Translations', description: 'Text per language beyond the SOP\'s own: { es: { say: "..." } }' });
export type Translations = z.output<typeof translationsSchema>;

const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;
const semver = z
  .string()
  .regex(SEMVER, { error: 'version must be semver, e.g. 1.2.0' })
  .meta({ id: 'Version', description: 'Semantic version; bump it when the steps change' });

/** A link shown beside a node. https only; lint also checks the host against an allowlist. */
export const sopLinkSchema = z.strictObject({
  label: localText('Link text'),
  url: z
    .string()
    .regex(/^https:\/\/[^\s/?#@]+(?:[/?#]\S*)?$/, { error: 'url must be an https:// URL without credentials' })
    .meta({ description: 'https URL on the allowed host list' }),
}).meta({ id: 'Link' });

/** Fields shared by every node kind. */
const nodeCommon = {
  title: localText('Short name shown in the path taken and the outline').optional(),
  notes: localText('Background for staff: why this step exists, what to watch for').optional(),
  links: z.array(sopLinkSchema).optional(),
  sensitive: z
    .boolean()
    .default(false)
    .meta({ description: 'Handles student data or secrets: values are not copied into "steps already tried"' }),
  translations: translationsSchema.optional(),
};

const stepBody = {
  kind: z.literal('step'),
  ...nodeCommon,
  text: localText('What the analyst does; may use {{var}}'),
  say: localText('Script to read to the caller; may use {{var}}').optional(),
  next: idSchema,
};

/**
 * The escalation-draft fields a captured variable can fill. Canonical variable names
 * (callerName, studentName, school, callbackPhone, ...) fill their field without saying so;
 * `ticket:` on a field or question maps any other name. Kept as a plain string in the schema so
 * lint, not a parse error, names the pack, node and variable of a mapping to a field that
 * doesn't exist.
 */
export const TICKET_FIELDS = [
  'description',
  'replicationSteps',
  'usersAffected',
  'callerName',
  'callerRole',
  'studentName',
  'studentNumber',
  'school',
  'callbackPhone',
  'priority',
  'hostedOutage',
] as const;
export type TicketField = (typeof TICKET_FIELDS)[number];

const ticketMapping = z
  .string()
  .min(1)
  .meta({ description: `The ticket field this value fills: one of ${TICKET_FIELDS.join(', ')}` });

/** A choice of a question node; `label` is what a `var` on the question captures. */
export const choiceSchema = z
  .strictObject({
    id: idSchema,
    label: localText('Choice text'),
    next: idSchema,
    value: z
      .string()
      .min(1)
      .optional()
      .meta({ description: 'What the choice puts in its ticket field (e.g. critical, staff, yes), when the question has `ticket:`' }),
  })
  .meta({ id: 'Choice' });

const questionBody = {
  kind: z.literal('question'),
  ...nodeCommon,
  prompt: localText('The question the analyst answers; may use {{var}}'),
  say: localText('Script to read to the caller').optional(),
  choices: z.array(choiceSchema).min(1),
  var: variableNameSchema.optional().meta({ description: 'Captures the chosen label into this variable' }),
  ticket: ticketMapping.optional(),
};

const fieldCommon = {
  var: variableNameSchema,
  label: localText('Field label, also used in error messages'),
  required: z.boolean().default(true),
  hint: localText('Help text under the field').optional(),
  ticket: ticketMapping.optional(),
};
const length = z.int().min(0);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'dates must be YYYY-MM-DD' });

/** One field of an input node. `min`/`max` are characters, digits or dates depending on type. */
export const inputFieldSchema = z.discriminatedUnion('type', [
  z.strictObject({
    ...fieldCommon,
    type: z.literal('text'),
    min: length.optional(),
    max: length.optional(),
    pattern: z
      .string()
      .refine(isValidRegExp, { error: 'pattern must be a valid regular expression' })
      .optional(),
    patternHint: localText('Shown when the pattern does not match, e.g. "must look like ABC-123"').optional(),
  }),
  z.strictObject({ ...fieldCommon, type: z.literal('phone') }),
  z.strictObject({
    ...fieldCommon,
    type: z.literal('student-number'),
    min: length.optional(),
    max: length.optional(),
  }),
  z.strictObject({ ...fieldCommon, type: z.literal('school') }),
  z.strictObject({ ...fieldCommon, type: z.literal('yes-no') }),
  z.strictObject({ ...fieldCommon, type: z.literal('date'), min: isoDate.optional(), max: isoDate.optional() }),
]).meta({ id: 'InputField' });

function isValidRegExp(source: string): boolean {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}

const inputBody = {
  kind: z.literal('input'),
  ...nodeCommon,
  prompt: localText('What to collect and why; may use {{var}}'),
  say: localText('Script to read to the caller').optional(),
  fields: z.array(inputFieldSchema).min(1),
  next: idSchema,
};

/** Ways a desk checks who is calling, as the verify-identity node offers them. */
export { VERIFY_METHODS } from '../escalation/schema';
export type { VerifyMethod } from '../escalation/schema';

/** The variable a verify-identity node captures: the method used, or `not-verified`. */
export const IDENTITY_VARIABLE = 'identity';

/**
 * Checks the caller's identity before any account detail (FERPA). Records only that and how it
 * was checked, never the data used; "could not verify" goes to `unverified`, where only general
 * help is given.
 */
const verifyBody = {
  kind: z.literal('verify-identity'),
  ...nodeCommon,
  prompt: localText('How to check who is calling; may use {{var}}'),
  say: localText('Script to read to the caller').optional(),
  methods: z
    .array(z.enum(VERIFY_METHODS))
    .min(1)
    .default([...VERIFY_METHODS])
    .meta({ description: 'Methods this desk accepts, in the order offered' }),
  next: idSchema.meta({ description: 'Where a verified call goes' }),
  unverified: idSchema.meta({ description: 'Where a call goes when identity could not be verified: general help only' }),
};

/** Who an escalation goes to: the district's own tier 2, or a case with the SIS vendor. */
export const ESCALATION_KINDS = ['district-tier2', 'vendor-case'] as const;
/** Priorities, named as in the vendor's matrix so a vendor case needs no translation. */
export { PRIORITIES } from '../sla/priority';

/** How an SOP run ends. Strings may use {{var}}; the engine interpolates them in `outcomeOf`. */
export const sopOutcomeSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('resolved'), summary: text('What fixed it') }),
  z.strictObject({
    type: z.literal('referred'),
    to: text('Who the caller is sent to'),
    how: text('How they reach them'),
    summary: text('Ticket summary').optional(),
  }),
  z.strictObject({
    type: z.literal('escalate'),
    escalationKind: z.enum(ESCALATION_KINDS),
    defaultPriority: z.enum(PRIORITIES),
    assignee: text('Person or team the ticket goes to'),
    queue: text('Ticket queue, if not the default').optional(),
    sealedNote: z
      .strictObject({ prompt: text('What belongs in the sealed note (secrets never go in the body)') })
      .optional(),
    subject: text('Ticket subject template; overrides the SOP\'s ticket.subject. No student data').optional(),
    summary: text('Ticket summary, the first paragraph of the description; may use {{var}}'),
  }),
]).meta({ id: 'Outcome' });

const outcomeBody = {
  kind: z.literal('outcome'),
  ...nodeCommon,
  text: localText('Closing instructions for the analyst').optional(),
  say: localText('Closing script for the caller').optional(),
  outcome: sopOutcomeSchema,
};

const bodies = [stepBody, questionBody, inputBody, outcomeBody, verifyBody] as const;
const keyedNodeSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject(bodies[0]),
    z.strictObject(bodies[1]),
    z.strictObject(bodies[2]),
    z.strictObject(bodies[3]),
    z.strictObject(bodies[4]),
  ],
).meta({ id: 'Node', description: 'A node; its id is its key in `nodes`' });
const listedNodeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ id: idSchema, ...bodies[0] }),
  z.strictObject({ id: idSchema, ...bodies[1] }),
  z.strictObject({ id: idSchema, ...bodies[2] }),
  z.strictObject({ id: idSchema, ...bodies[3] }),
  z.strictObject({ id: idSchema, ...bodies[4] }),
]).meta({ id: 'NodeWithId', description: 'A node in the list form of `nodes`' });

/** A node with its id, as the engine and lint see it. */
export const sopNodeSchema = listedNodeSchema;

/**
 * Nodes may be written as a map keyed by id (the usual YAML form) or as a list with ids; both
 * come out as a list with ids, in order. A list is kept (not a map) so lint can still see
 * duplicate ids.
 */
const nodesSchema = z
  .union([z.array(listedNodeSchema).min(1), z.record(idSchema, keyedNodeSchema)])
  .transform((nodes) =>
    Array.isArray(nodes) ? nodes : Object.entries(nodes).map(([id, node]) => ({ id, ...node })),
  )
  .meta({ description: 'Nodes keyed by id, or a list of nodes with ids' });

/** How an SOP's escalations become tickets; a pack's `ticket` is the default for its SOPs. */
export const ticketDefaultsSchema = z
  .strictObject({
    subject: text(
      'Subject template, e.g. "HAC parent login · {{school}} · account check". Cut at a word boundary at 150 characters; student data is refused',
    ).optional(),
    callerRole: z
      .enum(CALLER_ROLES)
      .optional()
      .meta({ description: 'Who calls this SOP when no question asks (e.g. staff for a staff-only procedure)' }),
  })
  .meta({ id: 'TicketDefaults' });

/**
 * Something only the district can say (who its HAC tier 2 is, how it resets a password): the
 * pack declares it, district IT fills it in (DistrictNotes policy), texts use
 * `{{district.<name>}}`. Unset, the text says what to confirm with the district.
 */
export const districtNoteSchema = z
  .strictObject({
    label: text('What the desk must confirm with its district, as a phrase: "who takes HAC parent-login escalations"'),
    example: text('How the example district does it, shown to district IT as a hint, never to analysts').optional(),
  })
  .meta({ id: 'DistrictNote' });

/** Who an SOP is written for; the library filters by role. */
export const AUDIENCES = ['analyst', 'technician', 'supervisor'] as const;

const symptomList = z.array(z.string().min(1));
const symptomsByLanguage = z
  .record(languageCodeSchema, symptomList)
  .refine((map) => Object.keys(map).length > 0, { error: 'give the symptoms in at least one language' })
  .brand<'TextByLanguage'>();

/** The SOP-level text in languages other than its own: its title and the symptoms search reads. */
export const sopTranslationsSchema = z
  .record(languageCodeSchema, z.strictObject({ title: z.string().min(1).optional(), symptoms: symptomList.optional() }))
  .meta({ id: 'SopTranslations' });
export type SopTranslations = z.output<typeof sopTranslationsSchema>;

/** The languages an SOP's caller scripts must be in, beyond its own; a pack's apply to its SOPs. */
const languagesSchema = z
  .array(languageCodeSchema)
  .max(20)
  .meta({ description: 'Languages every caller script (`say`) must be written in, e.g. [en, es]; lint refuses a script missing in one' });

/** One SOP: metadata for search and filtering, a start node and its graph. */
const sopDocumentBody = z.strictObject({
  id: idSchema,
  title: localText('Title shown in the library'),
  version: semver,
  audience: z.array(z.enum(AUDIENCES)).min(1),
  locale: z
    .string()
    .regex(/^[a-z]{2,3}(?:-[A-Z]{2})?$/)
    .default('en-US')
    .meta({ description: 'The language plain strings are written in, e.g. en-US' }),
  languages: languagesSchema.optional(),
  tags: z.array(z.string().min(1)).default([]),
  symptoms: z
    .union([symptomList, symptomsByLanguage])
    .default([])
    .meta({ description: 'Phrases callers use, for search ("can\'t log in to HAC"): a list, or a list per language' }),
  start: idSchema.meta({ description: 'Id of the first node' }),
  ticket: ticketDefaultsSchema.default({}),
  /** Copied from the pack on load; an SOP does not declare its own. */
  district: z.record(variableNameSchema, districtNoteSchema).default({}),
  nodes: nodesSchema,
  translations: sopTranslationsSchema.optional(),
});

export const sopDocumentSchema = sopDocumentBody
  .transform((sop, ctx) => inOwnLanguage(sop, ctx) as InOwnLanguage<typeof sop>)
  .meta({ id: 'SopDocument', title: 'SOP document' });

/** A file of SOPs from one publisher, shipped or imported together. */
export const sopPackSchema = z
  .strictObject({
    id: idSchema,
    title: text('Pack title'),
    version: semver,
    publisher: text('Who maintains these SOPs and their source'),
    exampleFrom: text('For a shipped example pack: the district whose procedure it follows').optional(),
    languages: languagesSchema.optional(),
    ticket: ticketDefaultsSchema.default({}),
    district: z.record(variableNameSchema, districtNoteSchema).default({}),
    sops: z.array(sopDocumentSchema).min(1),
  })
  .transform((pack) => ({
    ...pack,
    // Each SOP carries its pack's district notes and ticket defaults, so the engine, lint and
    // the draft see one document and never need the pack beside it.
    sops: pack.sops.map((sop) => ({
      ...sop,
      ...(pack.languages || sop.languages ? { languages: [...new Set([...(pack.languages ?? []), ...(sop.languages ?? [])])] } : {}),
      ticket: { ...pack.ticket, ...sop.ticket },
      district: { ...pack.district, ...sop.district },
    })),
  }))
  .meta({ title: 'Deskbook SOP pack', description: 'Standard operating procedures for Deskbook' });

/** An SOP as authored (nodes as a map or list, defaults omitted). */
export type SopDocumentInput = z.input<typeof sopDocumentSchema>;
/** An SOP as the engine and lint use it (nodes as a list with ids, defaults applied). */
export type SopDocument = z.output<typeof sopDocumentSchema>;
/** A pack as authored. */
export type SopPackInput = z.input<typeof sopPackSchema>;
/** A parsed pack. */
export type SopPack = z.output<typeof sopPackSchema>;
/** A parsed node (with its id); the kinds below narrow it by `kind`. */
export type SopNode = InOwnLanguage<z.output<typeof sopNodeSchema>>;
export type StepNode = Extract<SopNode, { kind: 'step' }>;
export type QuestionNode = Extract<SopNode, { kind: 'question' }>;
export type InputNode = Extract<SopNode, { kind: 'input' }>;
export type OutcomeNode = Extract<SopNode, { kind: 'outcome' }>;
export type VerifyNode = Extract<SopNode, { kind: 'verify-identity' }>;
export type SopChoice = InOwnLanguage<z.output<typeof choiceSchema>>;
/** A parsed input field; satisfies shared/fields' `FieldSpec`, so it feeds `fieldValidator` directly. */
export type InputField = InOwnLanguage<z.output<typeof inputFieldSchema>>;
export type SopOutcome = z.output<typeof sopOutcomeSchema>;
export type SopLink = InOwnLanguage<z.output<typeof sopLinkSchema>>;
export type EscalationKind = (typeof ESCALATION_KINDS)[number];
export type { Priority } from '../sla/priority';
export type Audience = (typeof AUDIENCES)[number];

/**
 * JSON Schema for pack files, describing what authors write (`io: 'input'`), in draft-07 for the
 * widest editor support. Committed as `sop-pack.schema.json` and referenced from each YAML pack
 * by a `yaml-language-server` comment, so authors get completion and errors while typing.
 */
export function sopPackJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(sopPackSchema, { io: 'input', target: 'draft-7' });
}
