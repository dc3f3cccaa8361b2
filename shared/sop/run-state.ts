import { z } from 'zod';

/**
 * The persisted shape of an SOP run. Plain JSON data (numbers, strings, arrays, records) so it
 * survives a Dexie write, an IPC hop or `JSON.stringify` unchanged; parse rows read back with
 * {@link runStateSchema}. Bump `format` and add a migration if the shape ever changes.
 */

/** What the analyst did at a node. Input values are stored normalized (phones formatted). */
export const runAnswerSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('continue') }),
  z.strictObject({ type: z.literal('choice'), choiceId: z.string() }),
  z.strictObject({ type: z.literal('input'), values: z.record(z.string(), z.string()) }),
  /** A verify-identity node: the method used, or `not-verified`. */
  z.strictObject({ type: z.literal('verify'), method: z.string() }),
]);

/** A node that was answered and left: when, how, and which variables it captured. */
export const runStepSchema = z.strictObject({
  nodeId: z.string(),
  enteredAt: z.number(),
  leftAt: z.number(),
  answer: runAnswerSchema,
  captured: z.record(z.string(), z.string()),
});

/** Whether the run is still waiting for an answer or has reached an outcome. */
export const RUN_STATUSES = ['active', 'finished'] as const;

/** A saved run; parse Dexie rows with it so a corrupt row fails loudly instead of mid-call. */
export const runStateSchema = z.strictObject({
  format: z.literal(1),
  sopId: z.string(),
  sopVersion: z.string(),
  status: z.enum(RUN_STATUSES),
  startedAt: z.number(),
  finishedAt: z.number().optional(),
  /** The node on screen. */
  current: z.string(),
  /** When the current node was entered. */
  enteredAt: z.number(),
  /** Answered nodes, oldest first: the path that led to `current`. */
  history: z.array(runStepSchema),
  /** Values captured along `history`; later captures of the same name win. */
  variables: z.record(z.string(), z.string()),
  /**
   * Values fixed when the run started (the district's notes, as `district.<name>`), kept in
   * `variables` through every `back`. Recorded with the run, so a ticket says what the desk was
   * told at the time.
   */
  constants: z.record(z.string(), z.string()).optional(),
  /** Milliseconds spent per node id, summed over every enter→leave, including undone visits. */
  timeSpent: z.record(z.string(), z.number()),
  /** After `back`: the answer previously given at `current`, offered as the default. */
  previousAnswer: runAnswerSchema.optional(),
});

/** What `answer` accepts: continue a step, pick a choice, or submit an input node's form. */
export type RunInput = z.input<typeof runAnswerSchema>;
export type RunAnswer = z.output<typeof runAnswerSchema>;
export type RunStep = z.output<typeof runStepSchema>;
export type RunState = z.output<typeof runStateSchema>;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** One field that failed validation, named for the UI. */
export interface FieldError {
  var: string;
  label: string;
  message: string;
}

/**
 * Thrown by `answer` when an input node's values fail validation. Carries every field's error at
 * once so the form can mark them all; the run state passed in is untouched.
 */
export class SopInputError extends Error {
  readonly code = 'INVALID_INPUT';

  constructor(
    readonly nodeId: string,
    readonly fieldErrors: readonly FieldError[],
  ) {
    super(fieldErrors.map((error) => error.message).join('; '));
    this.name = 'SopInputError';
  }
}

/** Why the engine refused a call that no valid UI should make. */
export type SopRunErrorCode =
  | 'SOP_MISMATCH'
  | 'RUN_FINISHED'
  | 'WRONG_INPUT'
  | 'UNKNOWN_CHOICE'
  | 'UNKNOWN_NODE';

/**
 * Thrown for misuse rather than bad user input: a state from another SOP or version, an answer
 * of the wrong type for the node, a choice or target that does not exist.
 */
export class SopRunError extends Error {
  constructor(
    readonly code: SopRunErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SopRunError';
  }
}
