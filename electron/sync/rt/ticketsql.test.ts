import { describe, expect, it } from 'vitest';
import { isSafeRequestId } from '../request-id';
import { requestIdQuery, ticketSqlString } from './ticketsql';

describe('TicketSQL', () => {
  it('searches the custom field with the quoted-field form RT 5.0.3 accepts', () => {
    expect(requestIdQuery('Deskbook Request ID', '7b0c1f0e-5a44-4b43-9d3e-1f1f1f1f1f1f')).toBe(
      "'CF.{Deskbook Request ID}' = '7b0c1f0e-5a44-4b43-9d3e-1f1f1f1f1f1f'",
    );
  });

  it('escapes quotes and backslashes in string literals', () => {
    expect(ticketSqlString("it's \\ fine")).toBe("'it\\'s \\\\ fine'");
  });

  it('refuses request ids and field names that could change the query', () => {
    expect(isSafeRequestId("x' OR id > '0")).toBe(false);
    expect(() => requestIdQuery('Deskbook Request ID', "x' OR id > '0")).toThrow();
    expect(() => requestIdQuery("Bad}' OR '", 'abc')).toThrow();
  });
});
