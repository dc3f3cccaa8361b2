/**
 * The words "Test connection" uses when Deskbook's internal comments (sealed notes among them)
 * can reach someone they should not: RT e-mailing them, or this account reading other queues'
 * comments. Pure: `rt-comment-checks.ts` does the REST2 reads. Each warning says what is wrong
 * and what to change in RT, because the person reading it is an RT admin, not a Deskbook one.
 */

/** A comment e-mail RT recorded (transaction type `CommentEmailRecord`) and who it went to. */
export interface CommentMailRecord {
  ticketId: string;
  /** REST2's ISO time, UTC. */
  created: string;
  /** The transaction's Data: the Message-ID of the mail RT sent. */
  messageId: string;
  recipients: readonly string[];
}

/** A comment in another queue that this account could read. */
export interface ReadableComment {
  queue: string;
  ticketId: string;
}

/**
 * Comment e-mail older than this is history, not configuration: once IT fixes the scrip, the
 * warning goes away with its last mail instead of showing forever.
 */
export const COMMENT_MAIL_WINDOW_DAYS = 30;
const DAY_MS = 86_400_000;

/**
 * The scrip that sent a mail, from the Message-ID RT gave it:
 * `<rt-<version>-<pid>-<time>-<n>.<ticket>-<scrip>-<n>@<Organization>>` (RT::Interface::Email's
 * GenMessageId, and RT::Action::SendEmail's variant built from the comment's own id). REST2 has
 * no scrip endpoint, so this id is all Deskbook can know of the scrip. Null when the id is not in
 * RT's form or names no scrip (0).
 */
export function scripIdOf(messageId: string): string | null {
  const match = /\.\d+-(\d+)-\d+@[^\s>]*>?\s*$/.exec(messageId);
  const id = match?.[1];
  return id === undefined || /^0+$/.test(id) ? null : String(Number(id));
}

/** The addresses in a recorded mail's To, Cc and Bcc headers (folded lines joined), lower-cased. */
export function recipientsOf(headers: string): string[] {
  const found = new Set<string>();
  for (const line of headers.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const header = /^(?:to|cc|bcc):(.*)$/i.exec(line);
    if (!header?.[1]) continue;
    for (const address of header[1].matchAll(/[^\s<>,;:"()]+@[^\s<>,;:"()]+/g)) found.add(address[0].toLowerCase());
  }
  return [...found];
}

/** Only the mail of the last `COMMENT_MAIL_WINDOW_DAYS` (a time RT sent that cannot be read counts). */
export function isRecent(created: string, now: number): boolean {
  const at = Date.parse(created);
  return Number.isNaN(at) || at >= now - COMMENT_MAIL_WINDOW_DAYS * DAY_MS;
}

function list(items: readonly string[], max: number, more: (n: number) => string): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} and ${more(items.length - max)}` : shown;
}

function latestOf(records: readonly CommentMailRecord[]): CommentMailRecord {
  return records.reduce((a, b) => (Date.parse(b.created) > Date.parse(a.created) ? b : a));
}

/**
 * One warning per scrip that e-mailed comments from the queue (records outside the window are
 * ignored). RT's stock "On Comment Notify AdminCcs as Comment" is global, and RT 5 cannot leave
 * one queue out of a global scrip, hence the advice to apply it queue by queue instead.
 */
export function commentMailWarnings(
  records: readonly CommentMailRecord[],
  context: { queue: string; baseUrl: string; now: number },
): string[] {
  const byScrip = new Map<string | null, CommentMailRecord[]>();
  for (const record of records) {
    if (!isRecent(record.created, context.now)) continue;
    const scrip = scripIdOf(record.messageId);
    byScrip.set(scrip, [...(byScrip.get(scrip) ?? []), record]);
  }
  const queue = `'${context.queue}'`;
  return [...byScrip].map(([scrip, mails]) => {
    const latest = latestOf(mails);
    const recipients = [...new Set(mails.flatMap((m) => m.recipients))];
    const when = `${latest.created.slice(0, 10)} for ticket #${latest.ticketId}`;
    const sent =
      (mails.length === 1 ? `one on ${when}` : `${mails.length} in the last ${COMMENT_MAIL_WINDOW_DAYS} days, the latest on ${when}`) +
      (recipients.length ? `, to ${list(recipients, 5, (n) => `${n} more`)}` : '');
    const what = `RT e-mails internal comments from queue ${queue} in clear text, and Deskbook's sealed notes are internal comments:`;
    if (scrip === null) {
      return (
        `${what} something other than a scrip Deskbook can identify sent ${sent}. In RT, check every scrip whose ` +
        `condition is On Comment (Admin → Global → Scrips, and Admin → Queues → ${queue} → Scrips) and stop the ones that send mail for this queue.`
      );
    }
    return (
      `${what} scrip #${scrip} sent ${sent}. In RT, open Admin → Scrips → #${scrip} → Applies to ` +
      `(${context.baseUrl}/Admin/Scrips/Objects.html?id=${scrip}) and take ${queue} out of it. If it applies globally ` +
      `(RT's stock "On Comment Notify AdminCcs as Comment" does), untick "Apply globally" and tick every other queue ` +
      `instead, or disable the scrip (${context.baseUrl}/Admin/Scrips/Modify.html?id=${scrip}).`
    );
  });
}

/** The warning for comments this account read outside its queue, or null when there are none. */
export function commentReachWarning(found: readonly ReadableComment[], queue: string): string | null {
  const first = found[0];
  if (!first) return null;
  const queues = [...new Set(found.map((f) => `'${f.queue}'`))];
  const named = list(queues, 5, (n) => (n === 1 ? 'one more queue' : `${n} more queues`));
  return (
    `This RT account can read internal comments outside '${queue}': it read them in ${named} ` +
    `(ticket #${first.ticketId}, for one). Anyone holding its token could read those queues' internal comments too. ` +
    `In RT, grant ShowTicketComments to this account on '${queue}' only: take it away on ${named} ` +
    `(Admin → Queues → the queue → User Rights, and Group Rights for Everyone, Privileged and the groups it belongs to) ` +
    `and in Admin → Global → User Rights and Group Rights.`
  );
}

/** The warning for an account with SuperUser or AdminUsers. */
export function adminRightsWarning(queue: string): string {
  return (
    `This RT account has administrator rights (SuperUser or AdminUsers): anyone holding its token could read ` +
    `every queue's internal comments (SuperUser) or change other RT accounts (AdminUsers). In RT, take both away ` +
    `from it (Admin → Global → User Rights, and Group Rights for the groups it belongs to) and grant it only the ` +
    `rights Deskbook needs on '${queue}'.`
  );
}

/** A check that could not run is said, never skipped silently: no warning is not "all clear". */
export function uncheckedWarning(what: string, reason: string): string {
  return `Could not check ${what}: ${reason}. Test the connection again; if this persists, check it in RT by hand.`;
}
