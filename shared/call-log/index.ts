export { CALL_LOG_VERSION, MAX_CALL_SECONDS, STUDENT_PLACEHOLDER, callLogOutcomeSchema, callLogRecordSchema, callLogRequestSchema, callLogStudentSchema } from './schema';
export type { CallLogOutcome, CallLogRecord, CallLogRequest, CallLogStudent } from './schema';
export { callLogFromRun } from './build';
export type { CallLogSource } from './build';
export { allowedCallLog, callLogTexts } from './policy';
export type { AllowedCallLog } from './policy';
export { maskStudentVariables, scrubStudent, studentOf, studentVariables } from './student';
