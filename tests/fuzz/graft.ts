import type { z } from 'zod';
import { isPlainObject } from './zod-arbitrary';

type Path = (string | number)[];

/** Every leaf of a JSON-like value (a primitive, or an array taken whole), with its path. */
export function leaves(value: unknown, path: Path = []): { path: Path; value: unknown }[] {
  if (isPlainObject(value)) return Object.entries(value).flatMap(([key, child]) => leaves(child, [...path, key]));
  return [{ path, value }];
}

/** Every object inside a value (the value itself included), with its path. */
export function objects(value: unknown, path: Path = []): { path: Path; value: Record<string, unknown> }[] {
  if (Array.isArray(value)) return value.flatMap((child, index) => objects(child, [...path, index]));
  if (!isPlainObject(value)) return [];
  return [{ path, value }, ...Object.entries(value).flatMap(([key, child]) => objects(child, [...path, key]))];
}

/** A copy of `target` with the value at `path` replaced (`undefined` removes an object key). */
export function setIn(target: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string | number, ...Path];
  if (Array.isArray(target)) {
    const copy = [...target];
    copy[head as number] = setIn(copy[head as number], rest, value);
    return copy;
  }
  const copy: Record<string, unknown> = isPlainObject(target) ? { ...target } : {};
  const next = setIn(copy[head], rest, value);
  if (next === undefined && rest.length === 0) delete copy[head];
  else copy[head] = next;
  return copy;
}

/**
 * A valid input that mixes a known-good example (`seed`) with values generated from the schema
 * (`donor`): each of the donor's leaves, in the given order, replaces the seed's at the same path
 * when the result still passes the schema. This reaches the fields whose rules the generator
 * cannot see (a phone number's check, a time zone's name) with the example's value, and varies
 * every other field; the schema stays the only judge of what is valid.
 */
export function graft(schema: z.ZodType, seed: unknown, donor: unknown, order: number): unknown {
  let current = seed;
  const donated = leaves(donor);
  for (let i = 0; i < donated.length; i += 1) {
    const leaf = donated[(i * 7 + order) % donated.length]!;
    const candidate = setIn(current, leaf.path, leaf.value);
    if (schema.safeParse(candidate).success) current = candidate;
  }
  return current;
}
