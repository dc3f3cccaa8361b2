import { describe, expect, it } from 'vitest';
import { adminRightsWarning, commentMailWarnings, commentReachWarning, recipientsOf, scripIdOf } from './comment-exposure';
import type { CommentMailRecord } from './comment-exposure';

const NOW = Date.parse('2026-12-01T12:00:00Z');
const context = { queue: 'Deskbook Escalations', baseUrl: 'https://rt.district.example/rt', now: NOW };

/** A Message-ID as RT 5.0.3 writes it, for ticket `ticket` and scrip `scrip` (copied from a real RT). */
const messageId = (ticket: number, scrip: number) => `<rt-5.0.3+dfsg-3~deb12u7-19585-1796165645-1381.${ticket}-${scrip}-0@deskbook.test>`;

const record = (over: Partial<CommentMailRecord> = {}): CommentMailRecord => ({
  ticketId: '12',
  created: '2026-11-30T09:15:00Z',
  messageId: messageId(12, 1),
  recipients: ['it-team@district.example'],
  ...over,
});

describe('the scrip behind a comment e-mail', () => {
  it('is read from the Message-ID RT gives the mail', () => {
    expect(scripIdOf(messageId(12, 7))).toBe('7');
    expect(scripIdOf('<rt-5.0.3-42-1700000000-17.3-21-2@district.example>')).toBe('21');
  });

  it('is unknown for a Message-ID not in RT form, or naming no scrip', () => {
    expect(scripIdOf('<CAF=abc123@mail.gmail.com>')).toBeNull();
    expect(scripIdOf(messageId(12, 0))).toBeNull();
    expect(scripIdOf('')).toBeNull();
  });

  it('has its recipients read from To, Cc and Bcc, folded lines and display names included', () => {
    const headers =
      'MIME-Version: 1.0\nMessage-ID: <x@y>\nFrom: "Deskbook sync via RT" <rt-comment@deskbook.test>\n' +
      'To: "IT Lead" <IT-Lead@district.example>,\n  helpdesk@district.example\nCC: cc@district.example\nBCC: it-team@district.example\n' +
      'Reply-To: rt-comment@deskbook.test\nSubject: [deskbook.test #1] [Comment] to: someone@else.example';
    expect(recipientsOf(headers)).toEqual(['it-lead@district.example', 'helpdesk@district.example', 'cc@district.example', 'it-team@district.example']);
  });
});

describe('the comment e-mail warning', () => {
  it('names the scrip, what it sent and to whom, and how to take the queue out of it', () => {
    const [warning, ...rest] = commentMailWarnings([record()], context);
    expect(rest).toEqual([]);
    expect(warning).toContain("RT e-mails internal comments from queue 'Deskbook Escalations' in clear text");
    expect(warning).toContain('scrip #1 sent one on 2026-11-30 for ticket #12, to it-team@district.example');
    expect(warning).toContain('https://rt.district.example/rt/Admin/Scrips/Objects.html?id=1');
    expect(warning).toContain('https://rt.district.example/rt/Admin/Scrips/Modify.html?id=1');
    expect(warning).toMatch(/untick "Apply globally"/);
  });

  it('gives one warning per scrip, counting its mails and naming the latest', () => {
    const warnings = commentMailWarnings(
      [
        record({ ticketId: '9', created: '2026-11-20T10:00:00Z', messageId: messageId(9, 1), recipients: ['a@district.example'] }),
        record({ ticketId: '12', created: '2026-11-29T10:00:00Z', messageId: messageId(12, 1), recipients: ['b@district.example'] }),
        record({ ticketId: '12', created: '2026-11-29T10:00:00Z', messageId: messageId(12, 31), recipients: [] }),
      ],
      context,
    );
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('scrip #1 sent 2 in the last 30 days, the latest on 2026-11-29 for ticket #12, to a@district.example, b@district.example');
    expect(warnings[1]).toContain('scrip #31 sent one on 2026-11-29 for ticket #12.');
  });

  it('forgets mail older than 30 days, so a fixed scrip stops being reported', () => {
    expect(commentMailWarnings([record({ created: '2026-10-01T09:00:00Z' })], context)).toEqual([]);
    expect(commentMailWarnings([], context)).toEqual([]);
  });

  it('still warns when the sender is not a scrip it can name, pointing at the On Comment scrips', () => {
    const [warning] = commentMailWarnings([record({ messageId: '<custom@district.example>' })], context);
    expect(warning).toMatch(/something other than a scrip Deskbook can identify sent one on 2026-11-30/);
    expect(warning).toMatch(/condition is On Comment/);
  });
});

describe('the comment reach warnings', () => {
  it('says nothing when no comment outside the queue was readable', () => {
    expect(commentReachWarning([], 'Deskbook Escalations')).toBeNull();
  });

  it('names the queues (five at most) and a ticket, and where the right is taken away', () => {
    const found = ['Facilities', 'HR', 'Payroll', 'Special Ed', 'Transport', 'Food Service'].map((queue, i) => ({ queue, ticketId: String(40 + i) }));
    const warning = commentReachWarning(found, 'Deskbook Escalations') ?? '';
    expect(warning).toContain("can read internal comments outside 'Deskbook Escalations'");
    expect(warning).toContain("in 'Facilities', 'HR', 'Payroll', 'Special Ed', 'Transport' and one more queue (ticket #40, for one)");
    expect(warning).toMatch(/grant ShowTicketComments to this account on 'Deskbook Escalations' only/);
  });

  it('tells an administrator account to shed SuperUser and AdminUsers', () => {
    expect(adminRightsWarning('Deskbook Escalations')).toMatch(/SuperUser or AdminUsers.*Admin → Global → User Rights/);
  });
});
