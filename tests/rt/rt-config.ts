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

export const RT_FIELDS = {
  requestId: 'Deskbook Request ID',
  sopPath: 'Deskbook SOP Path',
  slaDueAt: 'Deskbook SLA Due',
} as const;

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

const QUEUE_RIGHTS = ['SeeQueue', 'ShowTicket', 'CreateTicket', 'ModifyTicket', 'CommentOnTicket', 'ReplyToTicket', 'ShowTicketComments', 'SeeCustomField'];

/**
 * Queues, custom fields, the sync user and its rights, and (in @Final, with RT's own libraries)
 * an auth token for that user, written to `tokenFile`: no web UI and no password needed.
 */
export function initialData(tokenFile: string): string {
  const fields = Object.values(RT_FIELDS)
    .map((name) => `  { Name => ${perl(name)}, Type => 'FreeformSingle', LookupType => 'RT::Queue-RT::Ticket', ApplyTo => [${perl(RT_QUEUE)}, ${perl(RT_QUEUE_READ_ONLY_FIELDS)}] },`)
    .join('\n');
  const acl = (queue: string, rights: readonly string[]) =>
    rights.map((r) => `  { Right => ${perl(r)}, Queue => ${perl(queue)}, UserId => ${perl(RT_USER)} },`).join('\n');
  return `use strict;
use warnings;
our (@Users, @Queues, @CustomFields, @ACL, @Final);

@Users = ({ Name => ${perl(RT_USER)}, EmailAddress => 'deskbook-sync@deskbook.test', RealName => 'Deskbook sync', Privileged => 1 });

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
);

@Final = (sub {
  my $user = RT::User->new(RT->SystemUser);
  $user->Load(${perl(RT_USER)});
  die "Deskbook sync user was not created" unless $user->Id;
  my $token = RT::AuthToken->new(RT->SystemUser);
  my ($id, $msg, $auth) = $token->Create(Owner => $user->Id, Description => 'Deskbook integration tests');
  die "Auth token not created: $msg" unless $id;
  open(my $fh, '>', ${perl(tokenFile)}) or die "Cannot write the token file: $!";
  print $fh $auth;
  close($fh) or die "Cannot write the token file: $!";
});

1;
`;
}
