import { spawn, spawnSync } from 'node:child_process';
import { setTimeout as delay } from 'node:timers/promises';

/** What a packaged binary printed and did when started for a few seconds. */
export interface BriefRun {
  /** Everything it wrote to stdout and stderr. */
  output: string;
  /** Chromium announced its DevTools endpoint: the app started and read its command line. */
  started: boolean;
  /** Set when it ended by itself before it was stopped. */
  exited: { code: number | null; signal: NodeJS.Signals | null } | null;
}

// Chromium prints this once the browser process is up; `--remote-debugging-port=0` asks for it.
const CHROMIUM_UP = /DevTools listening on ws:\/\//;

/** The environment of this process without the variables that change how Electron starts. */
export function launchEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && key !== 'ELECTRON_RUN_AS_NODE' && key !== 'NODE_OPTIONS') env[key] = value;
  }
  return { ...env, ...extra };
}

/**
 * Starts a packaged binary with `args` (plus `--remote-debugging-port=0`, the signal that it is
 * up), waits until it is up and then `afterStartMs` more, collecting what it prints, then kills it
 * and its child processes. Used to see a run-time fuse refuse something: a Node debugger that
 * never announces itself, a Node shell that never runs. Only one Deskbook runs at a time (its
 * single-instance lock), so callers await each run before starting the next.
 */
export async function runBriefly(
  executable: string,
  args: string[],
  env: Record<string, string>,
  { startWithinMs = 60_000, afterStartMs = 5_000 } = {},
): Promise<BriefRun> {
  const child = spawn(executable, [...args, '--remote-debugging-port=0'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group on macOS and Linux, so one signal reaches the helpers too.
    detached: process.platform !== 'win32',
  });
  let output = '';
  let stopping = false;
  let exited: BriefRun['exited'] = null;
  const ended = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      if (!stopping) exited = { code, signal };
      resolve();
    });
    child.once('error', (error) => {
      output += `\n[spawn error] ${error.message}`;
      if (!stopping) exited = { code: null, signal: null };
      resolve();
    });
  });
  const started = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), startWithinMs);
    const collect = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (CHROMIUM_UP.test(output)) {
        clearTimeout(timer);
        resolve(true);
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    void ended.then(() => {
      clearTimeout(timer);
      resolve(CHROMIUM_UP.test(output));
    });
  });
  if (started) await Promise.race([ended, delay(afterStartMs)]);
  stopping = true;
  stopTree(child.pid);
  await ended;
  return { output, started, exited };
}

function stopTree(pid: number | undefined): void {
  if (pid === undefined) return;
  if (process.platform === 'win32') {
    spawnSync('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore' });
    return;
  }
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}
