import canonicalize from "canonicalize";

/**
 * RFC 8785 (JCS) canonical JSON of `value`, by the `canonicalize` package; throws a TypeError when
 * the value has none (undefined, a function, a non-finite number, a lone surrogate).
 */
export function canonicalJson(value: unknown): string {
  let json: string | undefined;
  try {
    json = canonicalize(value);
  } catch (error) {
    throw new TypeError(`value has no canonical JSON form: ${error instanceof Error ? error.message : error}`);
  }
  if (json === undefined) throw new TypeError("value has no JSON form");
  return json;
}
