import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { findRtBinaries } from '../rt/rt-server';
import type { RtInstance } from '../rt/rt-server';

const perl = (value: string): string => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** Rights on one queue, or global ones (no queue). */
export interface Grant {
  queue?: string;
  rights: readonly string[];
}

/**
 * Sets a throwaway RT up the way its administrator would, beyond what tests/rt/rt-config.ts
 * builds: REST2 as root (RT's initial password) for tickets, comments and watchers, and an
 * initialdata file loaded by `rt-setup-database --action insert` (as rt-config's is) for what
 * REST2 has no endpoint for: rights, a user's auth token, a scrip's id. The running server sees
 * the new rights at once: RT drops its ACL cache after every request.
 */
export function rtAdmin(rt: RtInstance) {
  const root = `Basic ${Buffer.from('root:password').toString('base64')}`;
  let files = 0;

  async function call(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<unknown> {
    const init: RequestInit = { method, headers: { Authorization: root, Accept: 'application/json' } };
    if (body !== undefined) {
      init.headers = { ...init.headers, 'Content-Type': 'application/json' };
      init.body = JSON.stringify(body);
    }
    const res = await fetch(`${rt.baseUrl}/REST/2.0${path}`, init);
    const text = await res.text();
    if (res.status < 200 || res.status > 299) throw new Error(`${method} ${path} as root: HTTP ${res.status} ${text.slice(0, 300)}`);
    return text ? JSON.parse(text) : null;
  }

  /** Loads Perl initialdata into the running RT, with the instance's own config. */
  async function insert(datafile: string): Promise<void> {
    // The paths tests/rt/rt-server.ts writes the instance's config to.
    const config = join(rt.dir, 'RT_SiteConfig.pm');
    if (!existsSync(config)) throw new Error(`no RT_SiteConfig.pm in ${rt.dir}: has tests/rt/rt-server.ts moved it?`);
    const file = join(rt.dir, `admin-${++files}.pl`);
    await writeFile(file, `use strict;\nuse warnings;\n${datafile}\n1;\n`);
    const env = { ...process.env, RT_SITE_CONFIG: config, RT_SITE_CONFIG_DIR: join(rt.dir, 'site-config.d') };
    await new Promise<void>((resolve, reject) => {
      execFile(findRtBinaries().setupDatabase, ['--action', 'insert', '--force', '--datafile', file], { env }, (error, stdout, stderr) => {
        const output = `${stdout}${stderr}`;
        if (error || /\bERROR\b|Couldn't finish|\[(?:error|crit|alert|emerg)\]/.test(output)) reject(new Error(`rt-setup-database ${file}: ${output.slice(-2000)}`));
        else resolve();
      });
    });
  }

  /** A privileged RT user with exactly these rights, and an auth token for it. */
  async function account(name: string, grants: readonly Grant[]): Promise<string> {
    const tokenFile = join(rt.dir, `${name}.token`);
    const acl = grants
      .flatMap((g) => g.rights.map((r) => `  { Right => ${perl(r)}, UserId => ${perl(name)}${g.queue === undefined ? '' : `, Queue => ${perl(g.queue)}`} },`))
      .join('\n');
    await insert(`our (@Users, @ACL, @Final);
@Users = ({ Name => ${perl(name)}, EmailAddress => ${perl(`${name}@deskbook.test`)}, Privileged => 1 });
@ACL = (
${acl}
);
@Final = (sub {
  my $user = RT::User->new(RT->SystemUser);
  $user->Load(${perl(name)});
  die "user not created" unless $user->Id;
  my ($id, $msg, $auth) = RT::AuthToken->new(RT->SystemUser)->Create(Owner => $user->Id, Description => 'Deskbook probe tests');
  die "Auth token not created: $msg" unless $id;
  open(my $fh, '>', ${perl(tokenFile)}) or die "Cannot write the token file: $!";
  print $fh $auth;
  close($fh) or die "Cannot write the token file: $!";
});`);
    return (await readFile(tokenFile, 'utf8')).trim();
  }

  /** The id of the scrip with this description (REST2 has no scrips to ask). */
  async function scripId(description: string): Promise<string> {
    const out = join(rt.dir, `scrip-${++files}.id`);
    await insert(`our @Final = (sub {
  my $scrip = RT::Scrip->new(RT->SystemUser);
  $scrip->LoadByCols(Description => ${perl(description)});
  die "no scrip " . ${perl(description)} unless $scrip->Id;
  open(my $fh, '>', ${perl(out)}) or die "Cannot write: $!";
  print $fh $scrip->Id;
  close($fh) or die "Cannot write: $!";
});`);
    return (await readFile(out, 'utf8')).trim();
  }

  /** A ticket created by root in any queue, with an internal comment on it. */
  async function commentedTicket(queue: string, comment: string): Promise<string> {
    const created = z.object({ id: z.union([z.string(), z.number()]).transform(String) }).parse(await call('POST', '/ticket', { Queue: queue, Subject: `Set up by the probe tests in ${queue}` }));
    await call('POST', `/ticket/${created.id}/comment`, { Content: comment, ContentType: 'text/plain' });
    return created.id;
  }

  return { call, insert, account, scripId, commentedTicket };
}
