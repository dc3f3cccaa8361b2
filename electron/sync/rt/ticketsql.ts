/**
 * TicketSQL building for RT 5.0.3. RT parses the query itself, so values are quoted, never
 * concatenated raw; request ids are also restricted to a safe alphabet (they are UUIDs).
 */

import { isSafeRequestId } from '../request-id';

const CF_NAME = /^[^{}'"\\\r\n]{1,200}$/;

/** A TicketSQL string literal: single quotes, with `\` and `'` escaped as RT's parser expects. */
export function ticketSqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/**
 * `'CF.{Deskbook Request ID}' = '…'`: the quoted-field form RT's documentation uses, which 5.0.3
 * accepts for names with spaces. Searches every queue the account can see, so a ticket that a
 * technician moved to another queue is still found (and not created twice).
 */
export function requestIdQuery(customFieldName: string, requestId: string): string {
  if (!CF_NAME.test(customFieldName)) throw new Error(`unusable custom field name for TicketSQL: ${customFieldName}`);
  if (!isSafeRequestId(requestId)) throw new Error('request id has characters TicketSQL cannot carry safely');
  return `'CF.{${customFieldName}}' = ${ticketSqlString(requestId)}`;
}
