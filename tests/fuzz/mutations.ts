import fc from 'fast-check';
import type { Arbitrary } from 'fast-check';
import { leaves, objects, setIn } from './graft';

/** The ways the fuzz breaks a valid input, each a reviewer's favourite. */
export const MUTATIONS = ['remove-field', 'wrong-type', 'huge-string', 'lone-surrogate', 'deep-nesting', 'proto-keys', 'anything'] as const;
export type Mutation = (typeof MUTATIONS)[number];

const WRONG_TYPES: unknown[] = [0, -1, 1e308, '', 'x', true, null, [], {}, [1, 'two'], { nested: { value: 1 } }];

function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i += 1) value = i % 2 === 0 ? [value] : { down: value };
  return value;
}

/**
 * `value` broken one way: a field removed, a leaf of the wrong type, a string too long (over and
 * under the router's payload limit), a lone surrogate inside a string, a deep nesting (one so deep
 * that JSON.stringify itself overflows), own `__proto__`/`constructor` keys, or any value at all.
 * `pick` chooses the place (an index into the value's leaves or objects).
 */
export function mutate(value: unknown, mutation: Mutation, pick: number): unknown {
  const leafList = leaves(value);
  const leaf = leafList[pick % leafList.length] ?? { path: [], value };
  switch (mutation) {
    case 'remove-field':
      return leaf.path.length === 0 ? undefined : setIn(value, leaf.path, undefined);
    case 'wrong-type':
      return setIn(value, leaf.path, WRONG_TYPES[pick % WRONG_TYPES.length]);
    case 'huge-string':
      return setIn(value, leaf.path, 'x'.repeat(pick % 2 === 0 ? 600 * 1024 : 100 * 1024));
    case 'lone-surrogate': {
      const text = typeof leaf.value === 'string' ? leaf.value : 'text';
      const at = pick % (text.length + 1);
      return setIn(value, leaf.path, `${text.slice(0, at)}${pick % 2 === 0 ? '\uD800' : '\uDFFF'}${text.slice(at)}`);
    }
    case 'deep-nesting':
      return setIn(value, leaf.path, nested(pick % 3 === 0 ? 200_000 : 2_000));
    case 'proto-keys': {
      // Own keys, as JSON.parse makes them (an assignment would set the prototype instead).
      const poison = '"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}';
      const targets = objects(value);
      if (targets.length === 0) return JSON.parse(`{${poison}}`) as unknown;
      const target = targets[pick % targets.length]!;
      const rest = JSON.stringify(target.value).slice(1, -1);
      return setIn(value, target.path, JSON.parse(`{${poison}${rest ? `,${rest}` : ''}}`) as unknown);
    }
    case 'anything':
      return fc.sample(fc.jsonValue({ maxDepth: 3 }), { numRuns: 1, seed: pick })[0];
  }
}

/** A mutation and the place it applies, as an arbitrary. */
export const mutationArbitrary: Arbitrary<{ mutation: Mutation; pick: number }> = fc.record({
  mutation: fc.constantFrom(...MUTATIONS),
  pick: fc.nat(),
});
