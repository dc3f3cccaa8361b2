import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { builtinModules } from 'node:module';

interface PackageJson {
  name: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

function findPackageDir(name: string, fromDir: string, root: string): string | null {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (dir === root || dir === path.dirname(dir)) return null;
  }
}

/**
 * Every installed package `names` need at run time (dependencies and installed optional
 * dependencies, resolved the way Node resolves them), as paths relative to `root` such as
 * `node_modules/semver` or `node_modules/a/node_modules/b`.
 */
export function productionClosure(root: string, names: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (name: string, fromDir: string, optional: boolean) => {
    const dir = findPackageDir(name, fromDir, root);
    if (!dir) {
      if (optional) return;
      throw new Error(`${name} is required (from ${path.relative(root, fromDir) || '.'}) but not installed: run npm ci`);
    }
    const rel = path.relative(root, dir).split(path.sep).join('/');
    if (seen.has(rel)) return;
    seen.add(rel);
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as PackageJson;
    for (const dep of Object.keys(pkg.dependencies ?? {})) visit(dep, dir, false);
    for (const dep of Object.keys(pkg.optionalDependencies ?? {})) visit(dep, dir, true);
  };
  for (const name of names) visit(name, root, false);
  return seen;
}

const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** The bare modules a CommonJS bundle `require`s at run time, Node built-ins left out. */
export function externalRequires(bundle: string): string[] {
  const found = new Set<string>();
  for (const match of bundle.matchAll(/\brequire\(\s*["']([^"'./][^"']*)["']\s*\)/g)) {
    const spec = match[1] ?? '';
    if (BUILTINS.has(spec) || BUILTINS.has(spec.split('/')[0] ?? '')) continue;
    found.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] ?? spec));
  }
  return [...found].sort();
}
