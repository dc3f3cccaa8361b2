import { z } from 'zod';
import { idSchema } from '../sop/schema';

/**
 * A call that ended on the phone (resolved, or referred elsewhere), logged as a closed ticket
 * when district policy turns it on (LogResolvedCalls). One record per SOP run: the run id is
 * also the request id, so the ticketing system can never get two for one call. Student data
 * (`student`) is there only when the district allows it (LogCallStudentData); otherwise the
 * texts were written with each student variable replaced by {@link STUDENT_PLACEHOLDER}.
 */
export const CALL_LOG_VERSION = 1;

/** What a student variable reads as in a call log the district does not let name the student. */
export const STUDENT_PLACEHOLDER = '(student)';

const line = (max: number) => z.string().trim().min(1).max(max);
const text = (max: number) => z.string().trim().min(1).max(max);

/** The longest a logged call may have lasted (a run left open for months is still logged). */
export const MAX_CALL_SECONDS = 366 * 24 * 3600;

export const callLogOutcomeSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('resolved'),
    /** The outcome node reached, and its title. */
    nodeId: idSchema,
    title: line(500),
    summary: text(4000),
  }),
  z.strictObject({
    type: z.literal('referred'),
    nodeId: idSchema,
    title: line(500),
    to: line(500),
    how: text(4000),
    summary: text(4000).optional(),
  }),
]);
export type CallLogOutcome = z.output<typeof callLogOutcomeSchema>;

/** The student the call was about; only in a record the district allows to name them. */
export const callLogStudentSchema = z
  .strictObject({
    name: line(200).optional(),
    number: line(64).optional(),
  })
  .refine((s) => s.name !== undefined || s.number !== undefined, { error: 'student: give a name or a number, or leave it out' });
export type CallLogStudent = z.output<typeof callLogStudentSchema>;

export const callLogRecordSchema = z
  .strictObject({
    version: z.literal(CALL_LOG_VERSION),
    /** The SOP run; also the request id the ticket carries. */
    runId: z.uuid(),
    sop: z.strictObject({
      id: idSchema,
      version: line(64),
      title: line(300),
      packId: idSchema,
    }),
    /** The nodes answered, in order, each with its title (answers and typed values are not copied). */
    path: z.array(z.strictObject({ nodeId: idSchema, title: line(500) })).max(500),
    outcome: callLogOutcomeSchema,
    startedAt: z.iso.datetime(),
    finishedAt: z.iso.datetime(),
    durationSeconds: z.int().min(0).max(MAX_CALL_SECONDS),
    analyst: z.strictObject({ id: line(64), name: line(120) }),
    student: callLogStudentSchema.optional(),
  })
  .superRefine((record, ctx) => {
    const started = Date.parse(record.startedAt);
    const finished = Date.parse(record.finishedAt);
    if (finished < started) ctx.addIssue({ code: 'custom', path: ['finishedAt'], message: 'finishedAt: must not be before startedAt' });
    else if (Math.abs(Math.round((finished - started) / 1000) - record.durationSeconds) > 1) {
      ctx.addIssue({ code: 'custom', path: ['durationSeconds'], message: 'durationSeconds: must be the time from startedAt to finishedAt' });
    }
  });
export type CallLogRecord = z.output<typeof callLogRecordSchema>;

/** One delivery attempt of a call log asked of main (`sync:logCall`). */
export const callLogRequestSchema = z
  .object({
    /** The run id: one call, one ticket, however often it is sent. */
    requestId: z.uuid(),
    attemptId: z.string().min(1).max(64),
    record: callLogRecordSchema,
    /** The previous attempt ended ambiguously: look the request id up before creating. */
    maybeDelivered: z.boolean(),
  })
  .refine((r) => r.requestId === r.record.runId, { error: 'requestId: must be the run id of the call log', path: ['requestId'] });
export type CallLogRequest = z.input<typeof callLogRequestSchema>;
