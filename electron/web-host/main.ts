// `npm run start:web`: the built renderer and the real main-process services in a Node host on
// 127.0.0.1, for machines where the Electron binary cannot run.
import { mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '../../shared/log';
import { createFileLogSink } from '../log/file-sink';
import { createMainServices } from '../host/services';
import type { MainServices } from '../host/services';
import { createNodePolicyDeps, policyFromJsonText, readAdminPolicy } from '../policy';
import { nodePlatform } from '../host/node-platform';
import { createKnownSecrets } from '../vault/known-secrets';
import { startWebHost } from './server';

const root = path.resolve(__dirname, '..', '..');
const dataDir = process.env.DESKBOOK_DATA_DIR ?? path.join(os.homedir(), '.deskbook-dev');
mkdirSync(dataDir, { recursive: true, mode: 0o700 });
const knownSecrets = createKnownSecrets();
const log = createLogger('devhost', createFileLogSink(path.join(dataDir, 'logs')), { sealedValues: knownSecrets.values });
const port = Number(process.env.DESKBOOK_PORT ?? 5173);

let broadcast: (event: string, payload: unknown) => void = () => {};
let services: MainServices | null = null;

/**
 * The dev host reads the machine's admin policy like the app does, unless DESKBOOK_DEV_POLICY
 * names a development policy file (same format as /etc/deskbook/policy.json): the explicit,
 * development-only way to try Deskbook as a supervisor. Roles never come from settings.json.
 */
async function devHostPolicy() {
  const file = process.env.DESKBOOK_DEV_POLICY;
  if (!file) return readAdminPolicy(process.platform, createNodePolicyDeps());
  process.stdout.write(`Using the DEVELOPMENT policy file ${file} instead of this machine's admin policy.\n`);
  return policyFromJsonText(readFileSync(file, 'utf8'), `development policy ${file}`);
}

void startWebHost({
  rendererRoot: path.join(root, 'dist', 'renderer'),
  bridgeFile: path.join(root, 'dist', 'web', 'bridge.js'),
  port,
  createRouter: async (origin) => {
    services = await createMainServices(
      nodePlatform({
        appVersion: (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version,
        dataDir,
        allowedOrigin: origin,
        log,
        adminPolicy: await devHostPolicy(),
        installKind: 'dev',
        knownSecrets,
      }),
      (event, payload) => broadcast(event, payload),
    );
    return services.router;
  },
}).then(
  (host) => {
    broadcast = (event, payload) => host.push(event, payload);
    services?.start();
    process.stdout.write(
      [
        '',
        `Deskbook (development host) is running at:`,
        ``,
        `  ${host.url}`,
        ``,
        `Open that exact URL in Chromium or Chrome; it carries this launch's access token.`,
        `Data lives in ${dataDir}. Secrets here are kept by a DEVELOPMENT store, not by the`,
        `operating system's keychain: do not use real passwords with the development host.`,
        `Press Ctrl+C to stop.`,
        '',
      ].join('\n'),
    );
    const stop = () => {
      services?.stop();
      void host.close().then(() => process.exit(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  },
  (error: unknown) => {
    process.stderr.write(`Deskbook's development host could not start on 127.0.0.1:${port}: ${String(error)}\n`);
    process.stderr.write('Set DESKBOOK_PORT to a free port and try again.\n');
    process.exit(1);
  },
);
