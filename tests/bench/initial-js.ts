import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchResult, Budget } from './report';

const KB = 1000; // kB as Vite reports them

interface Tag {
  name: string;
  attrs: Map<string, string>;
}

/** The `<script>` and `<link>` start tags of an HTML document with their attributes. */
function tagsOf(html: string): Tag[] {
  const tags: Tag[] = [];
  for (const match of html.matchAll(/<(script|link)\b([^>]*)>/gi)) {
    const attrs = new Map<string, string>();
    for (const attr of (match[2] ?? '').matchAll(/([^\s=/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
      attrs.set((attr[1] ?? '').toLowerCase(), attr[2] ?? attr[3] ?? attr[4] ?? '');
    }
    tags.push({ name: (match[1] ?? '').toLowerCase(), attrs });
  }
  return tags;
}

/** The JavaScript a first paint needs: the entry module and every `modulepreload`. */
export function initialScripts(html: string): string[] {
  const urls: string[] = [];
  for (const tag of tagsOf(html)) {
    const entry = tag.name === 'script' && tag.attrs.get('type') === 'module' && tag.attrs.get('src');
    const preload = tag.name === 'link' && tag.attrs.get('rel') === 'modulepreload' && tag.attrs.get('href');
    const url = entry || preload;
    if (url && !urls.includes(url)) urls.push(url);
  }
  return urls;
}

const gzipSize = (data: Buffer) => gzipSync(data, { level: 9 }).length;

export const INITIAL_JS: Budget = { name: 'Initial JavaScript (gzip -9)', unit: 'kB', comparison: '<=', budget: 200 };

/**
 * Budget: the initial JavaScript, gzipped at level 9, at most 200 kB (1 kB = 1000 bytes, as Vite
 * prints sizes). Lazy chunks (supervisor views, charts, the escalation form…) are not counted; they
 * are listed so a chunk that should be lazy but is preloaded stands out.
 */
export async function measureInitialJs(rendererDir: string): Promise<BenchResult> {
  const html = await readFile(path.join(rendererDir, 'index.html'), 'utf8');
  const initial = initialScripts(html);
  if (initial.length === 0) throw new Error(`${rendererDir}/index.html names no entry <script type="module" src>`);
  const notes: string[] = [];
  let total = 0;
  const counted = new Set<string>();
  for (const url of initial) {
    const file = path.join(rendererDir, url.replace(/^\.?\//, ''));
    const data = await readFile(file);
    const size = gzipSize(data);
    total += size;
    counted.add(path.resolve(file));
    notes.push(`initial ${url}: ${(data.length / KB).toFixed(1)} kB raw, ${(size / KB).toFixed(1)} kB gzipped`);
  }
  const assets = path.join(rendererDir, 'assets');
  for (const name of (await readdir(assets)).filter((n) => n.endsWith('.js')).sort()) {
    const file = path.join(assets, name);
    if (counted.has(path.resolve(file))) continue;
    const data = await readFile(file);
    notes.push(`lazy    /assets/${name}: ${(data.length / KB).toFixed(1)} kB raw, ${(gzipSize(data) / KB).toFixed(1)} kB gzipped (not counted)`);
  }
  return { ...INITIAL_JS, value: total / KB, notes };
}
