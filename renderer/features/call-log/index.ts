// Logging resolved and referred calls as closed tickets (policy LogResolvedCalls): the outcome
// screen's note, which queues the log, and the delivery kind the shell registers.
export { CallLogNote } from './CallLogNote';
export { callLogKind } from './kind';
