import { assertJsonValue } from "./json-value.js";

// Each UTF-16 surrogate, paired or not (lone ones never get here: assertJsonValue refuses them).
const SURROGATE = /[\ud800-\udfff]/g;
// safe-stable-stringify 2.4.1 strEscape: a string longer than this many UTF-16 units has every escapable unit
// replaced through its regular expression, whose first alternative matches any surrogate on its own.
const SDK_SHORT_STRING = 100;

/**
 * `value` serialized as @minka/ledger-sdk hashes and signs it: `serializeData` (crypto/src/lib/serialization.js,
 * SDK 2.2.5) is safe-stable-stringify 2.4.1, pinned by the SDK. For JSON values that is RFC 8785 (members sorted
 * by UTF-16 code units, numbers as ECMAScript writes them, the same escapes) but for one thing: in a string or
 * member name longer than 100 UTF-16 units, each half of a surrogate pair (a character outside the Basic
 * Multilingual Plane, such as an emoji) is written as a lowercase `\uXXXX` escape. Throws `JsonValueError` where
 * `canonicalJson` does.
 */
export function minkaSdkJson(value: unknown, name = "value"): string {
  assertJsonValue(value, name);
  return write(value, "");
}

function write(value: unknown, key: string): string {
  if (typeof value === "string") return quote(value);
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value === null) return "null";
  let object = value as object;
  // safe-stable-stringify calls toJSON with the member's key, as JSON.stringify does, and only once.
  if (typeof (object as { toJSON?: unknown }).toJSON === "function") {
    const replaced = (object as { toJSON(key: string): unknown }).toJSON(key);
    if (typeof replaced !== "object" || replaced === null) return write(replaced, key);
    object = replaced;
  }
  if (Array.isArray(object)) return `[${object.map((item, index) => write(item, String(index))).join(",")}]`;
  // Sorted by UTF-16 code units, as its insertSort (`>` on strings) and Array#sort both order them.
  const members = Object.keys(object)
    .sort()
    .map((member) => `${quote(member)}:${write((object as Record<string, unknown>)[member], member)}`);
  return `{${members.join(",")}}`;
}

/** A JSON string literal as safe-stable-stringify 2.4.1 writes it. */
function quote(text: string): string {
  // Up to 100 units (and for any string without surrogates) its escapes are JSON.stringify's: `\b \t \n \f \r`,
  // `\"`, `\\`, other C0 controls as lowercase `\u00xx`, and surrogate pairs left as they are.
  const json = JSON.stringify(text);
  return text.length > SDK_SHORT_STRING ? json.replace(SURROGATE, (unit) => `\\u${unit.charCodeAt(0).toString(16)}`) : json;
}
