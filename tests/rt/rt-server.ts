import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, openSync, closeSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RT_FIELDS, RT_QUEUE, RT_QUEUE_READ_ONLY_FIELDS, RT_QUEUE_WITHOUT_FIELDS, RT_SUPERVISOR, RT_SUPERVISOR_TIMEZONE, initialData, siteConfig } from './rt-config';
import type { RtPaths } from './rt-config';

export interface RtInstance {
  /** `http://127.0.0.1:<port>`: RT's web root; REST2 is under `/REST/2.0`. */
  baseUrl: string;
  /** An auth token for the sync user (`Authorization: token …`). */
  token: string;
  /**
   * A second account (a supervisor's machine): may read, comment and update, not create. Its RT
   * time zone is America/Chicago, unlike the sync account's UTC.
   */
  supervisor: { user: string; token: string; timezone: string };
  /** The queue with the Deskbook custom fields and full rights. */
  queue: string;
  customFields: { requestId: string; sopPath: string; slaDueAt: string; escalation: string; review: string; vendorCase: string };
  /** Misconfigured queues for failure tests. */
  otherQueues: { withoutCustomFields: string; customFieldsReadOnly: string };
  /** The throwaway directory: config, SQLite database, logs, outgoing mail (mbox). */
  dir: string;
  /** Stops the server (its whole process group) and deletes the directory. */
  stop(): Promise<void>;
}

export interface StartRtOptions {
  /**
   * Keep RT's stock scrips that send mail (notifications, the autoreply to requestors; written
   * to an mbox in the directory). Default true: the RT a district runs. The chaos test turns them
   * off: Deskbook's contract with RT does not involve them, and building those messages in Perl
   * is most of the cost of a ticket create (about 3 creates/s with them, 20/s without, here).
   */
  mail?: boolean;
  /**
   * Starlet workers. Default 2: enough for a retry racing a slow request. Each serves one
   * connection at a time with keep-alive off, so nothing idle holds one; a TLS hello does, until
   * the client hangs up (Debian's Starlet uses the pure-Perl HTTP parser, which waits for the end
   * of headers a ClientHello never has, up to 300 s). The https probe is answered by the HTTP
   * layer's own handshake check and its connections close within Node's 10 s connect timeout.
   */
  workers?: number;
  /** Keep the directory after stop(), for debugging (also `DESKBOOK_RT_KEEP=1`). */
  keep?: boolean;
  /** Where the one timing line goes. Default console.info. */
  log?: (line: string) => void;
  /** Give up waiting for REST2 after this long. Default 60 s. */
  readyTimeoutMs?: number;
}

const SETUP_DATABASE = ['/usr/sbin/rt-setup-database-5', '/usr/sbin/rt-setup-database', '/opt/rt5/sbin/rt-setup-database'];
const RT_SERVER = ['/usr/share/request-tracker5/libexec/rt-server', '/usr/sbin/rt-server', '/opt/rt5/sbin/rt-server'];

/** Finds RT 5's binaries (Debian's paths first; `DESKBOOK_RT_SETUP_DB`/`DESKBOOK_RT_SERVER` win). */
export function findRtBinaries(): { setupDatabase: string; server: string } {
  const find = (env: string, candidates: readonly string[]) => {
    const fromEnv = process.env[env];
    return fromEnv ? (existsSync(fromEnv) ? fromEnv : undefined) : candidates.find((c) => existsSync(c));
  };
  const setupDatabase = find('DESKBOOK_RT_SETUP_DB', SETUP_DATABASE);
  const server = find('DESKBOOK_RT_SERVER', RT_SERVER);
  if (!setupDatabase || !server) {
    const missing = [setupDatabase ? '' : 'rt-setup-database', server ? '' : 'rt-server'].filter(Boolean).join(' and ');
    throw new Error(`Request Tracker 5 is not installed (${missing} not found). Run tests/rt/ensure-rt.sh.`);
  }
  return { setupDatabase, server };
}

/**
 * Starts a throwaway Request Tracker 5 on 127.0.0.1 with a fresh SQLite database: the Deskbook
 * queue and custom fields, a sync user and a supervisor with REST2 rights and auth tokens. Nothing outside the
 * temporary directory is written (RT_SITE_CONFIG + RT_SITE_CONFIG_DIR replace /etc's config).
 */
export async function startRt(options: StartRtOptions = {}): Promise<RtInstance> {
  const started = performance.now();
  const bins = findRtBinaries();
  const dir = await mkdtemp(join(tmpdir(), 'deskbook-rt-'));
  const keep = options.keep ?? process.env['DESKBOOK_RT_KEEP'] === '1';
  try {
    const paths: RtPaths = {
      dir,
      database: join(dir, 'var', 'rt.sqlite'),
      varDir: join(dir, 'var'),
      masonDir: join(dir, 'mason'),
      sessionDir: join(dir, 'sessions'),
    };
    for (const d of [paths.varDir, paths.masonDir, paths.sessionDir, join(dir, 'site-config.d')]) await mkdir(d, { recursive: true });
    const configFile = join(dir, 'RT_SiteConfig.pm');
    const tokenFile = join(dir, 'token');
    const supervisorTokenFile = join(dir, 'supervisor-token');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      RT_SITE_CONFIG: configFile,
      RT_SITE_CONFIG_DIR: join(dir, 'site-config.d'),
    };

    let port = await freePort();
    await writeFile(configFile, siteConfig(paths, port));
    await writeFile(join(dir, 'initialdata.pl'), initialData(tokenFile, supervisorTokenFile, { mail: options.mail ?? true }));
    await run(bins.setupDatabase, ['--action', 'init', '--force'], env, join(dir, 'setup-init.log'));
    await run(bins.setupDatabase, ['--action', 'insert', '--force', '--datafile', join(dir, 'initialdata.pl')], env, join(dir, 'setup-insert.log'));
    const token = (await readFile(tokenFile, 'utf8')).trim();
    const supervisorToken = (await readFile(supervisorTokenFile, 'utf8')).trim();
    const databaseMs = performance.now() - started;

    let server: RunningServer | undefined;
    for (let attempt = 0; !server; attempt++) {
      try {
        server = await startServer(bins.server, port, options.workers ?? 2, env, dir, token, options.readyTimeoutMs ?? 60_000);
      } catch (error) {
        // Another process took the port between probing and binding: pick another and retry.
        if (!(error instanceof PortTakenError) || attempt >= 2) throw error;
        port = await freePort();
        await writeFile(configFile, siteConfig(paths, port));
      }
    }
    const running = server;
    const total = performance.now() - started;
    (options.log ?? console.info)(
      `[rt] Request Tracker ready at ${running.baseUrl} in ${(total / 1000).toFixed(1)} s (database ${(databaseMs / 1000).toFixed(1)} s, server ${((total - databaseMs) / 1000).toFixed(1)} s)`,
    );
    return {
      baseUrl: running.baseUrl,
      token,
      supervisor: { user: RT_SUPERVISOR, token: supervisorToken, timezone: RT_SUPERVISOR_TIMEZONE },
      queue: RT_QUEUE,
      customFields: { ...RT_FIELDS },
      otherQueues: { withoutCustomFields: RT_QUEUE_WITHOUT_FIELDS, customFieldsReadOnly: RT_QUEUE_READ_ONLY_FIELDS },
      dir,
      stop: async () => {
        await running.stop();
        if (!keep) await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    if (!keep) await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

interface RunningServer {
  baseUrl: string;
  stop(): Promise<void>;
}

class PortTakenError extends Error {}

async function startServer(
  serverBin: string,
  port: number,
  workers: number,
  env: NodeJS.ProcessEnv,
  dir: string,
  token: string,
  readyTimeoutMs: number,
): Promise<RunningServer> {
  const logFile = join(dir, 'rt-server.log');
  const fd = openSync(logFile, 'a');
  // Own process group (detached), so stop() ends Starlet's workers with it. SIGTERM, not SIGINT:
  // Debian's rt-server answers SIGINT as root by chown'ing /var/lib/request-tracker5.
  // Starlet recycles a worker every 100 requests by default, and RT takes seconds to load in a
  // new one: a long run (the chaos test) would spend much of its time waiting for that.
  const child = spawn(serverBin, ['--host', '127.0.0.1', '--port', String(port), `--max-workers=${workers}`, '--max-reqs-per-child=100000'], {
    env,
    detached: true,
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const killOnExit = () => killGroup(child, 'SIGKILL');
  process.once('exit', killOnExit);

  const stop = async () => {
    process.removeListener('exit', killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    killGroup(child, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
    killGroup(child, 'SIGKILL'); // any worker that outlived its master
  };

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = performance.now() + readyTimeoutMs;
  let early: number | null | undefined;
  void exited.then((code) => {
    early = code;
  });
  while (performance.now() < deadline) {
    if (early !== undefined) {
      const log = await readFile(logFile, 'utf8').catch(() => '');
      await stop();
      if (/address already in use/i.test(log)) throw new PortTakenError(`port ${port} is taken`);
      throw new Error(`rt-server exited (code ${String(early)}) before answering. Log (${logFile}):\n${log.slice(-2000)}`);
    }
    try {
      const res = await fetch(`${baseUrl}/REST/2.0/rt`, { headers: { Authorization: `token ${token}` }, signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status === 200) return { baseUrl, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  await stop();
  throw new Error(`RT REST2 did not answer within ${readyTimeoutMs} ms; see ${logFile}`);
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

function run(bin: string, args: readonly string[], env: NodeJS.ProcessEnv, logFile: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      void writeFile(logFile, output).finally(() => {
        if (code === 0 && !/\bERROR\b|Couldn't finish|\[(?:error|crit|alert|emerg)\]/.test(output)) resolve();
        else reject(new Error(`${bin} ${args.join(' ')} failed (exit ${String(code)}):\n${output.slice(-2000)}`));
      });
    });
  });
}

/** A free port on 127.0.0.1 right now (bound and released; startRt retries if it is taken). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}
