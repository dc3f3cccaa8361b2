/**
 * The files a throwaway Request Tracker is built from: an RT_SiteConfig.pm (loaded through the
 * RT_SITE_CONFIG environment variable, with RT_SITE_CONFIG_DIR pointing at an empty directory so
 * nothing under /etc/request-tracker5 is read or written) and an initialdata file.
 */

export interface RtPaths {
  dir: string;
  database: string;
  varDir: string;
  masonDir: string;
  sessionDir: string;
}

export const RT_QUEUE = 'Deskbook Escalations';
/** Has none of the Deskbook custom fields: probe must report them missing. */
export const RT_QUEUE_WITHOUT_FIELDS = 'Deskbook Without Fields';
/** Has the fields but no ModifyCustomField: RT drops the values silently on create. */
export const RT_QUEUE_READ_ONLY_FIELDS = 'Deskbook Read-only Fields';
export const RT_USER = 'deskbook-sync';
/** A second privileged account with its own token: a supervisor's machine in review tests. */
export const RT_SUPERVISOR = 'deskbook-supervisor';
/**
 * Not UTC on purpose: RT reads TicketSQL dates in the account's time zone, so review code that
 * leaned on dates would fail for this account (the review cursor uses transaction ids).
 */
export const RT_SUPERVISOR_TIMEZONE = 'America/Chicago';

export const RT_FIELDS = {
  requestId: 'Deskbook Request ID',
  sopPath: 'Deskbook SOP Path',
  slaDueAt: 'Deskbook SLA Due',
  escalation: 'Deskbook Escalation',
  review: 'Deskbook Review',
  vendorCase: 'Deskbook Vendor Case',
} as const;

/** The values of the "Deskbook Review" select field: shared/review/schema's REVIEW_STATES. */
export const RT_REVIEW_VALUES = ['awaiting-review', 'returned', 'approved', 'forwarded'] as const;

const perl = (value: string | number): string =>
  typeof value === 'number' ? String(value) : `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/**
 * Site config for one instance. Generated paths (VarPath, Mason caches) are reassigned here too:
 * RT loads RT::Generated before the site config, and its defaults live under /var.
 */
export function siteConfig(paths: RtPaths, port: number): string {
  return `# Written by tests/rt/rt-server.ts for one test run; deleted with its directory.
Set($rtname, 'deskbook.test');
Set($Organization, 'deskbook.test');
Set($WebDomain, '127.0.0.1');
Set($WebPort, ${perl(port)});
Set($WebPath, '');
Set($Timezone, 'UTC');
Set($DatabaseType, 'SQLite');
Set($DatabaseName, ${perl(paths.database)});
Set($LogToSTDERR, 'warning');
Set($LogToSyslog, undef);
Set($LogToFile, undef);
Set($MailCommand, 'mbox');
Set($CorrespondAddress, 'rt@deskbook.test');
Set($CommentAddress, 'rt-comment@deskbook.test');
Set($WebSessionClass, 'Apache::Session::File');
# RT checks the auth token with bcrypt on every request: cost 12 adds ~200 ms to each one.
Set($BcryptCost, 4);
$RT::VarPath = ${perl(paths.varDir)};
$RT::MasonDataDir = ${perl(paths.masonDir)};
$RT::MasonSessionDir = ${perl(paths.sessionDir)};
1;
`;
}

/**
 * What the sync account needs: create, read (history included: ShowTicketComments for comment
 * transactions, SeeCustomField for custom-field ones), comment, and update (ModifyTicket for the
 * subject and status of a reviewed ticket; ModifyCustomField is granted per queue below).
 */
const QUEUE_RIGHTS = ['SeeQueue', 'ShowTicket', 'CreateTicket', 'ModifyTicket', 'CommentOnTicket', 'ReplyToTicket', 'ShowTicketComments', 'SeeCustomField'];
/** A supervisor reads, comments and updates, but neither creates tickets nor writes to requestors. */
const SUPERVISOR_RIGHTS = QUEUE_RIGHTS.filter((r) => r !== 'CreateTicket' && r !== 'ReplyToTicket');

/** RT's scrip actions that send mail (notifications and the autoreply to requestors). */
export const RT_MAIL_ACTIONS = ['Notify', 'NotifyAsComment', 'Autoreply'] as const;

/**
 * Queues, custom fields, the sync and supervisor users and their rights, and (in @Final, with
 * RT's own libraries) an auth token for each user, written to `tokenFile` and
 * `supervisorTokenFile`: no web UI and no password needed. With `mail: false`, the stock scrips
 * that send mail are disabled (see StartRtOptions.mail).
 */
export function initialData(tokenFile: string, supervisorTokenFile: string, options: { mail?: boolean } = {}): string {
  const disableMail =
    options.mail === false
      ? `
  my $scrips = RT::Scrips->new(RT->SystemUser);
  $scrips->UnLimit;
  my $disabled = 0;
  while (my $scrip = $scrips->Next) {
    next unless grep { $_ eq $scrip->ActionObj->ExecModule } (${RT_MAIL_ACTIONS.map(perl).join(', ')});
    my ($ok, $msg) = $scrip->SetDisabled(1);
    die "Scrip " . $scrip->Id . " not disabled: $msg" unless $ok;
    $disabled++;
  }
  die "No mail-sending scrips found to disable" unless $disabled;`
      : '';
  const applyTo = `ApplyTo => [${perl(RT_QUEUE)}, ${perl(RT_QUEUE_READ_ONLY_FIELDS)}]`;
  const ticketField = (name: string, type: string, extra = '') =>
    `  { Name => ${perl(name)}, Type => ${perl(type)}, LookupType => 'RT::Queue-RT::Ticket', ${applyTo}${extra} },`;
  const reviewValues = RT_REVIEW_VALUES.map((v, i) => `{ Name => ${perl(v)}, SortOrder => ${perl(i + 1)} }`).join(', ');
  const fields = [
    ticketField(RT_FIELDS.requestId, 'FreeformSingle'),
    ticketField(RT_FIELDS.sopPath, 'FreeformSingle'),
    ticketField(RT_FIELDS.slaDueAt, 'FreeformSingle'),
    // The JSON copy of an escalation is often longer than 255 characters: a Text field keeps it
    // whole (RT moves long values to LargeContent).
    ticketField(RT_FIELDS.escalation, 'TextSingle'),
    // A select field: RT refuses a value outside the list instead of storing a typo.
    ticketField(RT_FIELDS.review, 'SelectSingle', `, RenderType => 'Dropdown', Values => [${reviewValues}]`),
    // Optional for Deskbook (a queue without it only cannot record vendor case numbers).
    ticketField(RT_FIELDS.vendorCase, 'FreeformSingle'),
  ].join('\n');
  const acl = (queue: string, rights: readonly string[], user: string = RT_USER) =>
    rights.map((r) => `  { Right => ${perl(r)}, Queue => ${perl(queue)}, UserId => ${perl(user)} },`).join('\n');
  return `use strict;
use warnings;
our (@Users, @Queues, @CustomFields, @ACL, @Final);

@Users = (
  { Name => ${perl(RT_USER)}, EmailAddress => 'deskbook-sync@deskbook.test', RealName => 'Deskbook sync', Privileged => 1 },
  { Name => ${perl(RT_SUPERVISOR)}, EmailAddress => 'deskbook-supervisor@deskbook.test', RealName => 'Deskbook supervisor', Privileged => 1, Timezone => ${perl(RT_SUPERVISOR_TIMEZONE)} },
);

@Queues = (
  { Name => ${perl(RT_QUEUE)}, Description => 'Escalations delivered by Deskbook' },
  { Name => ${perl(RT_QUEUE_WITHOUT_FIELDS)}, Description => 'No Deskbook custom fields (probe tests)' },
  { Name => ${perl(RT_QUEUE_READ_ONLY_FIELDS)}, Description => 'Deskbook fields without ModifyCustomField' },
);

@CustomFields = (
${fields}
);

@ACL = (
${acl(RT_QUEUE, [...QUEUE_RIGHTS, 'ModifyCustomField'])}
${acl(RT_QUEUE_WITHOUT_FIELDS, [...QUEUE_RIGHTS, 'ModifyCustomField'])}
${acl(RT_QUEUE_READ_ONLY_FIELDS, QUEUE_RIGHTS)}
${acl(RT_QUEUE, [...SUPERVISOR_RIGHTS, 'ModifyCustomField'], RT_SUPERVISOR)}
);

@Final = (sub {${disableMail}
  for my $pair ([${perl(RT_USER)}, ${perl(tokenFile)}], [${perl(RT_SUPERVISOR)}, ${perl(supervisorTokenFile)}]) {
    my ($name, $file) = @$pair;
    my $user = RT::User->new(RT->SystemUser);
    $user->Load($name);
    die "Deskbook user $name was not created" unless $user->Id;
    my $token = RT::AuthToken->new(RT->SystemUser);
    my ($id, $msg, $auth) = $token->Create(Owner => $user->Id, Description => 'Deskbook integration tests');
    die "Auth token not created: $msg" unless $id;
    open(my $fh, '>', $file) or die "Cannot write the token file: $!";
    print $fh $auth;
    close($fh) or die "Cannot write the token file: $!";
  }
});

1;
`;
}
