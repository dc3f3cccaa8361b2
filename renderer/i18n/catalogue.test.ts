import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, TYPE } from '@formatjs/icu-messageformat-parser';
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { UI_LANGUAGES } from '../../shared/i18n/languages';
import { AREAS, messagesFor } from './catalogue';
import { createDeskbookIntl } from './intl';
import { LAZY_AREAS } from './lazy-areas';

/**
 * The message catalogue is complete and well-formed: every key in both languages, every message
 * valid ICU with the same arguments and tags in each, every key used by the interface.
 */

const RENDERER = join(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Argument names (with their ICU type) and tag names a message uses, sorted. */
function shapeOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    switch (element.type) {
      case TYPE.argument:
      case TYPE.number:
      case TYPE.date:
      case TYPE.time:
        into.add(`${element.value}:${element.type}`);
        break;
      case TYPE.plural:
      case TYPE.select:
        into.add(`${element.value}:${element.type}`);
        for (const option of Object.values(element.options)) shapeOf(option.value, into);
        break;
      case TYPE.tag:
        into.add(`<${element.value}>`);
        shapeOf(element.children, into);
        break;
      default:
        break;
    }
  }
  return into;
}

function pluralsLackOther(elements: MessageFormatElement[]): boolean {
  return elements.some((element) => {
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      return !('other' in element.options) || Object.values(element.options).some((o) => pluralsLackOther(o.value));
    }
    return element.type === TYPE.tag && pluralsLackOther(element.children);
  });
}

describe('the message catalogue', () => {
  for (const [area, languages] of Object.entries({ ...AREAS, ...LAZY_AREAS })) {
    describe(area, () => {
      const en: Record<string, string> = languages.en;
      const es: Record<string, string> = languages.es;

      it('has every key in both languages, each starting with the area', () => {
        expect(Object.keys(es).filter((key) => !(key in en)), 'in Spanish only').toEqual([]);
        expect(Object.keys(en).filter((key) => !(key in es)), 'missing in Spanish').toEqual([]);
        expect(Object.keys(en).filter((key) => !key.startsWith(`${area}.`)), `not starting with "${area}."`).toEqual([]);
      });

      it('is valid ICU, with the same arguments and tags in English and Spanish, and plurals with "other"', () => {
        const problems: string[] = [];
        for (const [key, english] of Object.entries(en)) {
          const shapes = UI_LANGUAGES.map((language) => {
            const text = (languages[language] as Record<string, string | undefined>)[key];
            if (text === undefined) return null;
            try {
              const ast = parse(text);
              if (pluralsLackOther(ast)) problems.push(`${language} ${key}: a plural or select without "other"`);
              return [...shapeOf(ast)].sort().join(' ');
            } catch (error) {
              problems.push(`${language} ${key}: ${(error as Error).message} in ${JSON.stringify(text)}`);
              return null;
            }
          });
          if (shapes[0] !== null && shapes[1] !== null && shapes[0] !== shapes[1]) {
            problems.push(`${key}: English uses [${shapes[0]}], Spanish [${shapes[1]}]`);
          }
          if (english.trim() === '') problems.push(`en ${key}: empty`);
        }
        expect(problems).toEqual([]);
      });
    });
  }

  it('has no key the interface never uses', () => {
    const sources = sourceFiles(RENDERER)
      .filter((path) => !path.includes(`${join('renderer', 'i18n')}`))
      .map((path) => readFileSync(path, 'utf8'))
      .join('\n');
    const unused = [...Object.keys(messagesFor('en')), ...Object.keys(LAZY_AREAS.studio.en)].filter((key) => !sources.includes(`'${key}'`) && !sources.includes(`"${key}"`));
    expect(unused, `keys no renderer file names (write keys as whole string literals; ${relative(RENDERER, RENDERER) || 'renderer/'})`).toEqual([]);
  });

  it('formats plurals right in both languages', () => {
    const en = createDeskbookIntl({ language: 'en', locale: 'en-US' });
    const es = createDeskbookIntl({ language: 'es', locale: 'es-US' });
    expect(en.formatMessage({ id: 'app.nav.library' })).toBe('Procedures');
    expect(es.formatMessage({ id: 'app.nav.library' })).toBe('Procedimientos');
  });
});
