import canonicalize from "canonicalize";
import { assertJsonValue } from "./json-value.js";

/**
 * RFC 8785 (JCS) canonical JSON of `value`, by the `canonicalize` package. Throws `JsonValueError` naming
 * the part (under `name`, e.g. `data.list[1]`) that has no JSON form, before anything is written.
 */
export function canonicalJson(value: unknown, name = "value"): string {
  // canonicalize writes a sparse array's hole as nothing (`[1,,3]`) and a function member as `undefined`.
  assertJsonValue(value, name);
  return canonicalize(value)!;
}
