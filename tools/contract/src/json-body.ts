import type { Schema } from "@signhub/codegen";
import { expect } from "vitest";
import { jsonTypeOf } from "./examples.js";

/**
 * Asserts that a success's JSON body, which the spec gives no example of, is what the mock makes up from
 * `schema`: a value of its type (`null` too when nullable), any value but `undefined` when it names no single
 * type. Without a schema Prism may answer with no body at all, which core resolves to `undefined`: then
 * `undefined` or any JSON value will do.
 */
export function expectJsonBody(result: unknown, schema: Schema | undefined): void {
  const expected = jsonTypeOf(schema);
  const shown = () => JSON.stringify(result)?.slice(0, 80);
  if (schema === undefined) expect(result === undefined || isJsonValue(result), `the body is ${shown()}, not JSON`).toBe(true);
  else if (expected === undefined) expect(result).not.toBeUndefined();
  else if (expected.nullable && result === null) expect(result).toBeNull();
  else if (expected.type === "array") expect(Array.isArray(result), `the body is ${shown()}, not an array`).toBe(true);
  else if (expected.type === "null") expect(result).toBeNull();
  else if (expected.type === "object")
    expect(result !== null && typeof result === "object" && !Array.isArray(result), `the body is ${shown()}, not an object`).toBe(true);
  else expect(result).toBeTypeOf(expected.type);
}

/** Whether a value is what `JSON.parse` gives: a primitive, an array or a plain object (not a `Blob`). */
function isJsonValue(value: unknown): boolean {
  if (value === null || ["string", "number", "boolean"].includes(typeof value) || Array.isArray(value)) return true;
  const prototype = typeof value === "object" ? Object.getPrototypeOf(value) : undefined;
  return prototype === Object.prototype || prototype === null;
}
