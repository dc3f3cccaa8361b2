import fc from 'fast-check';
import type { Arbitrary } from 'fast-check';
import type { z } from 'zod';

/**
 * A fast-check arbitrary for the values a zod 4 schema accepts, read from the schema itself so
 * the IPC fuzz never describes a channel's input a second time. It covers the kinds the IPC
 * contract uses; a refinement it cannot see (a `.refine`, a cross-field rule) is met by luck, and
 * `validShare` in the fuzz report says how often.
 *
 * Throws for a schema kind it does not know, so a new kind in the contract fails loudly here
 * instead of being fuzzed with nonsense.
 */
export function arbitraryFor(schema: z.ZodType, depth = 0): Arbitrary<unknown> {
  const def = (schema as unknown as { _zod: { def: ZodDef } })._zod.def;
  switch (def.type) {
    case 'string':
      return stringArbitrary(def);
    case 'number':
      return numberArbitrary(def);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'undefined':
    case 'void':
      return fc.constant(undefined);
    case 'unknown':
    case 'any':
      return fc.jsonValue({ maxDepth: 2 });
    case 'literal':
      return fc.constantFrom(...(def.values ?? []));
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries ?? {}));
    case 'optional':
      return fc.option(arbitraryFor(inner(def), depth), { nil: undefined, freq: 4 });
    case 'nullable':
      return fc.option(arbitraryFor(inner(def), depth), { nil: null, freq: 4 });
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return arbitraryFor(inner(def), depth);
    case 'pipe':
      return arbitraryFor(def.in as z.ZodType, depth);
    case 'lazy':
      return depth > 3 ? fc.constant(undefined) : arbitraryFor((def.getter as () => z.ZodType)(), depth + 1);
    case 'array':
      return fc.array(arbitraryFor(def.element as z.ZodType, depth + 1), lengthBounds(def.checks, 4));
    case 'tuple':
      return fc.tuple(...(def.items ?? []).map((item) => arbitraryFor(item, depth + 1)));
    case 'record':
      return fc.dictionary(
        arbitraryFor(def.keyType as z.ZodType, depth + 1) as Arbitrary<string>,
        arbitraryFor(def.valueType as z.ZodType, depth + 1),
        { maxKeys: 4 },
      );
    case 'object':
      return objectArbitrary(def, depth);
    case 'union':
      return fc.oneof(...(def.options ?? []).map((option) => arbitraryFor(option, depth + 1)));
    case 'intersection':
      return fc
        .tuple(arbitraryFor(def.left as z.ZodType, depth + 1), arbitraryFor(def.right as z.ZodType, depth + 1))
        .map(([left, right]) => (isPlainObject(left) && isPlainObject(right) ? { ...left, ...right } : left));
    default:
      throw new Error(`arbitraryFor: no arbitrary for the zod kind "${def.type}"; add one here`);
  }
}

interface ZodCheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  length?: number;
  value?: number;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
}

interface ZodDef {
  type: string;
  checks?: { _zod: { def: ZodCheckDef } }[];
  format?: string;
  pattern?: RegExp;
  values?: unknown[];
  entries?: Record<string, unknown>;
  innerType?: unknown;
  in?: unknown;
  getter?: unknown;
  element?: unknown;
  items?: z.ZodType[];
  keyType?: unknown;
  valueType?: unknown;
  shape?: Record<string, z.ZodType>;
  options?: z.ZodType[];
  left?: unknown;
  right?: unknown;
}

const inner = (def: ZodDef): z.ZodType => def.innerType as z.ZodType;

function checksOf(checks: ZodDef['checks']): ZodCheckDef[] {
  return (checks ?? []).map((check) => check._zod.def);
}

function lengthBounds(checks: ZodDef['checks'], softMax: number): { minLength: number; maxLength: number } {
  let minLength = 0;
  let maxLength = Number.POSITIVE_INFINITY;
  for (const check of checksOf(checks)) {
    if (check.check === 'min_length' && check.minimum !== undefined) minLength = Math.max(minLength, check.minimum);
    if (check.check === 'max_length' && check.maximum !== undefined) maxLength = Math.min(maxLength, check.maximum);
    if (check.check === 'length_equals' && check.length !== undefined) minLength = maxLength = check.length;
  }
  return { minLength, maxLength: Math.min(maxLength, Math.max(minLength, softMax) + softMax) };
}

function stringArbitrary(def: ZodDef): Arbitrary<string> {
  const checks = checksOf(def.checks);
  const pattern = def.pattern ?? checks.find((check) => check.check === 'string_format')?.pattern;
  const { minLength, maxLength } = lengthBounds(def.checks, 24);
  // A pattern (a format such as datetime, or a .regex) decides the shape; lengths then filter.
  const base = pattern
    ? // fast-check cannot generate for /i; without it the pattern yields a subset of what /i accepts.
      fc.stringMatching(new RegExp(pattern.source, pattern.flags.replace('i', '')))
    : fc.string({ unit: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...'abcdefgh ijkl-@.0123XYZ'.split('')) }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) }), minLength, maxLength });
  // `.trim()` runs before the length checks: pad nothing, but never start or end with a space.
  const trims = checks.some((check) => check.check === 'overwrite');
  return base
    .map((text) => (trims && text.trim() !== text && text.trim().length >= minLength ? text.trim() : text))
    .filter((text) => text.length >= minLength && text.length <= maxLength);
}

function numberArbitrary(def: ZodDef): Arbitrary<number> {
  const checks = checksOf(def.checks);
  const integer = checks.some((check) => check.check === 'number_format' && (check.format === 'safeint' || check.format === 'int32'));
  let min = -1_000_000;
  let max = 1_000_000;
  for (const check of checks) {
    if (check.check === 'greater_than' && check.value !== undefined) min = check.inclusive ? check.value : check.value + (integer ? 1 : 1e-6);
    if (check.check === 'less_than' && check.value !== undefined) max = check.inclusive ? check.value : check.value - (integer ? 1 : 1e-6);
  }
  return integer ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) : fc.double({ min, max, noNaN: true });
}

function objectArbitrary(def: ZodDef, depth: number): Arbitrary<Record<string, unknown>> {
  const shape = def.shape ?? {};
  const entries = Object.entries(shape).map(([key, value]) => [key, arbitraryFor(value, depth + 1)] as const);
  const optionalKeys = Object.entries(shape)
    .filter(([, value]) => (value as unknown as { _zod: { optin?: string } })._zod.optin === 'optional')
    .map(([key]) => key);
  const required = Object.keys(shape).filter((key) => !optionalKeys.includes(key));
  return fc.record(Object.fromEntries(entries), { requiredKeys: required });
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
