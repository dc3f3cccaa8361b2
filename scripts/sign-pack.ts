/**
 * Signs a district's SOP pack for distribution, and checks signed files:
 *
 *   npx tsx scripts/sign-pack.ts keygen --out <dir>
 *   npx tsx scripts/sign-pack.ts sign <pack.yaml> --key <district-pack.key> [--out <pack.signed.json>]
 *   npx tsx scripts/sign-pack.ts verify <pack.signed.json> --public-key <base64 | PEM file>
 *   npx tsx scripts/sign-pack.ts public-key --key <district-pack.key>
 *
 * `sign` puts the pack through the same schema and lint gate the app applies and refuses a pack
 * with errors, so a district never publishes a file every Deskbook would then refuse.
 */
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { formatFinding, parsePackText } from '../electron/packs/parse-pack';
import { parsePrivateKey, parsePublicKey, publicKeyBase64, signPack, verifySignedPack } from '../electron/packs/signed-pack';

export const KEY_FILE = 'district-pack.key';

export const USAGE = `Usage: npx tsx scripts/sign-pack.ts <command> …

  keygen --out <dir>
      Makes a new Ed25519 key pair. Writes <dir>/${KEY_FILE} (the private key, PKCS#8 PEM,
      readable only by you) and prints the public key to set as the SopPackPublicKey policy.
      Refuses to overwrite an existing key.

  sign <pack.yaml> --key <${KEY_FILE}> [--out <pack.signed.json>]
      Checks the pack (schema and lint, as Deskbook does) and, if it has no errors, writes the
      signed file to publish. --out defaults to the pack's name with .signed.json.

  verify <pack.signed.json> --public-key <base64 key | PEM file>
      Checks a signed file's signature and the pack inside it.

  public-key --key <${KEY_FILE}>
      Prints the public key of a private key file, for the SopPackPublicKey policy.`;

/** Where the CLI writes; tests pass their own to read what it printed. */
export interface SignPackIo {
  out(line: string): void;
  err(line: string): void;
  /** Relative paths are resolved from here. Default `process.cwd()`. */
  cwd?: string;
  now?: () => Date;
}

const consoleIo: SignPackIo = {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
};

/** A failure with the words to print; exit code 2 for a usage mistake, 1 otherwise. */
class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
  }
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    throw new CliError(code === 'ENOENT' ? `${what} ${path} does not exist` : `${what} ${path} could not be read (${code || String(error)})`);
  }
}

function required(value: string | undefined, flag: string): string {
  if (value === undefined || value === '') throw new CliError(`${flag} is required`, 2);
  return value;
}

function privateKeyFrom(path: string) {
  const key = parsePrivateKey(readText(path, 'the key file'));
  if (!key.ok) throw new CliError(`${path}: ${key.reason}`);
  return key.key;
}

function keygen(values: Record<string, string | undefined>, io: SignPackIo, at: (p: string) => string): number {
  const dir = at(required(values.out, '--out'));
  const file = join(dir, KEY_FILE);
  if (existsSync(file)) throw new CliError(`${file} already exists; move it away first (a new key means every Deskbook needs the new public key)`);
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), { mode: 0o600, flag: 'wx' });
  io.out(`wrote ${file} (private key: keep it secret, off shared drives)`);
  io.out('Public key for the SopPackPublicKey policy:');
  io.out(publicKeyBase64(publicKey));
  return 0;
}

function sign(positionals: string[], values: Record<string, string | undefined>, io: SignPackIo, at: (p: string) => string): number {
  const [packArg] = positionals;
  if (packArg === undefined || positionals.length > 1) throw new CliError('sign takes one pack file', 2);
  const packFile = at(packArg);
  const key = privateKeyFrom(at(required(values.key, '--key')));
  const text = readText(packFile, 'the pack file');
  const label = relative(io.cwd ?? process.cwd(), packFile) || packFile;
  const read = parsePackText(text);
  if (!read.ok) {
    for (const problem of read.problems) io.err(`${label}: ${problem}`);
    throw new CliError(`not signed: ${label} has ${read.problems.length} error${read.problems.length === 1 ? '' : 's'} (fix them and sign again)`);
  }
  for (const warning of read.warnings) io.out(`${label}: warning: ${formatFinding(warning)}`);
  const outFile = values.out ? at(values.out) : packFile.replace(/(\.ya?ml|\.json)?$/, '.signed.json');
  if (outFile === packFile) throw new CliError('--out must not be the pack file itself', 2);
  const envelope = signPack(text, key, (io.now ?? (() => new Date()))());
  writeFileSync(outFile, envelope);
  io.out(`signed ${read.pack.id} version ${read.pack.version} → ${outFile}`);
  return 0;
}

function verifyFile(positionals: string[], values: Record<string, string | undefined>, io: SignPackIo, at: (p: string) => string): number {
  const [fileArg] = positionals;
  if (fileArg === undefined || positionals.length > 1) throw new CliError('verify takes one signed file', 2);
  const keyArg = required(values['public-key'], '--public-key');
  // A file (PEM, or the base64 saved to a file) or the base64 key itself.
  const keyText = existsSync(at(keyArg)) ? readText(at(keyArg), 'the public key file') : keyArg;
  const key = parsePublicKey(keyText);
  if (!key.ok) throw new CliError(`--public-key: ${key.reason}`);
  const verified = verifySignedPack(readText(at(fileArg), 'the signed file'), key.key);
  if (!verified.ok) throw new CliError(`${fileArg}: ${verified.reason}`);
  const read = parsePackText(verified.payloadText);
  if (!read.ok) {
    for (const problem of read.problems) io.err(`${fileArg}: ${problem}`);
    throw new CliError(`${fileArg}: the signature is good but Deskbook would refuse the pack (${read.problems.length} errors)`);
  }
  io.out(`${fileArg}: good signature; ${read.pack.id} version ${read.pack.version}, signed ${verified.signedAt}`);
  return 0;
}

function publicKey(values: Record<string, string | undefined>, io: SignPackIo, at: (p: string) => string): number {
  io.out(publicKeyBase64(privateKeyFrom(at(required(values.key, '--key')))));
  return 0;
}

/** Runs one command; returns the exit code (0 done, 1 refused or failed, 2 usage) and never throws. */
export function main(argv: readonly string[], io: SignPackIo = consoleIo): number {
  const at = (path: string) => resolve(io.cwd ?? process.cwd(), path);
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    io.out(USAGE);
    return command === undefined ? 2 : 0;
  }
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: { out: { type: 'string' }, key: { type: 'string' }, 'public-key': { type: 'string' } },
    });
    switch (command) {
      case 'keygen':
        if (positionals.length > 0) throw new CliError('keygen takes no file, only --out <dir>', 2);
        return keygen(values, io, at);
      case 'sign':
        return sign(positionals, values, io, at);
      case 'verify':
        return verifyFile(positionals, values, io, at);
      case 'public-key':
        return publicKey(values, io, at);
      default:
        throw new CliError(`unknown command "${command}"`, 2);
    }
  } catch (error) {
    const usage = typeof error === 'object' && error !== null && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS');
    const cli = error instanceof CliError ? error : new CliError(error instanceof Error ? error.message : String(error), usage ? 2 : 1);
    io.err(`sign-pack: ${cli.message}`);
    if (cli.exitCode === 2) io.err(USAGE);
    return cli.exitCode;
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
