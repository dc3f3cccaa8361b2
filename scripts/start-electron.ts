// `npm start`: launches the built app in Electron. Electron >= 42 fetches its binary on first
// launch; where that cannot happen (no route to its release host) this says so in one paragraph
// and names the alternative, instead of ending in a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function electronBinary(): string | null {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    encoding: 'utf8',
    timeout: 180_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (probe.status === 0 && probe.stdout.trim() !== '') return probe.stdout.trim();
  return null;
}

const binary = electronBinary();
if (!binary) {
  process.stderr.write(
    [
      '',
      'Deskbook could not start Electron: its binary is not installed and could not be downloaded',
      "(Electron fetches it from its release host on first launch, and this machine cannot reach it).",
      'Everything else is built. To use Deskbook on this machine, run `npm run start:web`: it serves',
      'the same app with the same background services on 127.0.0.1 and prints the URL to open in',
      'Chromium. On a machine with internet access, `npm start` downloads Electron once and then works',
      `offline. (Electron package: ${require.resolve('electron/package.json')})`,
      '',
    ].join('\n'),
  );
  process.exit(1);
}
const child = spawn(binary, ['.'], { stdio: 'inherit' });
child.on('close', (code) => process.exit(code ?? 1));
