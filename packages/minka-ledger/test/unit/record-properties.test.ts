import fc from "fast-check";
import { expect, test } from "vitest";
import { canonicalJson } from "../../src/records/canonical-json.js";
import { hashRecordData, signRecord, verifyRecord } from "../../src/records/index.js";
import { TEST_SIGNER_KEY_PAIR } from "../fixtures/test-keys.js";

/** `value` rebuilt with every object's keys inserted in a seed-dependent order. */
function reorderKeys(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((item, index) => reorderKeys(item, seed + index));
  if (typeof value !== "object" || value === null) return value;
  const entries = Object.entries(value);
  let state = seed | 1;
  for (let index = entries.length - 1; index > 0; index--) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    const other = state % (index + 1);
    [entries[index], entries[other]] = [entries[other]!, entries[index]!];
  }
  const reordered: Record<string, unknown> = {};
  for (const [key, item] of entries) {
    Object.defineProperty(reordered, key, { value: reorderKeys(item, state + key.length), enumerable: true, writable: true });
  }
  return reordered;
}

/** Whether two parsed values are the same JSON value (a mutated exponent may overflow to Infinity). */
function sameJson(a: unknown, b: unknown): boolean {
  try {
    return canonicalJson(a) === canonicalJson(b);
  } catch {
    return false;
  }
}

test("hashing ignores the order of keys at every depth", () => {
  fc.assert(
    fc.property(fc.jsonValue(), fc.integer(), (data, seed) => {
      expect(hashRecordData(reorderKeys(data, seed))).toBe(hashRecordData(data));
    }),
    { numRuns: 300 },
  );
});

test("any one-character change to a signed record that still parses to different JSON is detected", () => {
  let changed = 0;
  fc.assert(
    fc.property(
      fc.jsonValue({ maxDepth: 3 }),
      fc.option(fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), { maxKeys: 2 }), { nil: undefined }),
      fc.nat(),
      fc.integer({ min: 0x20, max: 0x7e }),
      (data, custom, position, code) => {
        const text = JSON.stringify(signRecord(data, TEST_SIGNER_KEY_PAIR, custom));
        const index = position % text.length;
        const replacement = String.fromCharCode(code);
        if (text[index] === replacement) return;
        let mutated: unknown;
        try {
          mutated = JSON.parse(text.slice(0, index) + replacement + text.slice(index + 1));
        } catch {
          return; // no longer JSON: nothing to verify
        }
        if (sameJson(mutated, JSON.parse(text))) return;
        changed++;
        expect(verifyRecord(mutated).valid).toBe(false);
      },
    ),
    { numRuns: 2000 },
  );
  expect(changed).toBeGreaterThan(200);
  // 2000 signatures and verifications: CPU-bound, and slow on a busy two-core machine.
}, 60_000);
