const REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/**
 * True for request ids that travel through URLs, headers and TicketSQL unchanged. The outbox uses
 * UUIDs, which pass; anything else is refused before a request is built rather than escaped.
 */
export function isSafeRequestId(requestId: string): boolean {
  return REQUEST_ID.test(requestId);
}
