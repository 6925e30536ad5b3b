/** A value to hash or sign has no JSON form, so it has no canonical JSON either (RFC 8785 works on JSON values). */
export class JsonValueError extends TypeError {
  override name = "JsonValueError";
  /** Where the value sits, e.g. `data.list[1]`. */
  readonly path: string;

  constructor(path: string, problem: string) {
    // The value itself is never quoted: it may be anything, a secret included.
    super(`${path} has no JSON form: ${problem}`);
    this.path = path;
  }
}

// With the u flag a surrogate pair reads as one code point, so only a lone half matches.
const LONE_SURROGATE = /\p{Cs}/u;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * Throws `JsonValueError` at the first part of `value` that JSON cannot write as it is: undefined (as a
 * member or an item), a hole in a sparse array, a function, a symbol, a BigInt, NaN or ±Infinity, a lone
 * surrogate, a cycle. `path` names `value` in the message (`data`, `custom`). `toJSON` is honoured, as
 * JSON.stringify and `canonicalize` honour it.
 */
export function assertJsonValue(value: unknown, path: string, ancestors = new Map<object, string>()): void {
  switch (typeof value) {
    case "string":
      if (LONE_SURROGATE.test(value)) throw new JsonValueError(path, "a string with a lone surrogate");
      return;
    case "number":
      if (!Number.isFinite(value)) throw new JsonValueError(path, String(value));
      return;
    case "boolean":
      return;
    // JSON.stringify drops an undefined member and writes an undefined item as null. RFC 8785 hashes JSON
    // values and undefined is none, so we refuse both rather than sign a guess: the caller's object would
    // say one thing (a member that is there) and the signed bytes another, and encoders disagree on items.
    case "undefined":
      throw new JsonValueError(path, "undefined");
    case "bigint":
      throw new JsonValueError(path, "a BigInt");
    case "function":
      throw new JsonValueError(path, "a function");
    case "symbol":
      throw new JsonValueError(path, "a symbol");
  }
  if (value === null) return;
  const object = value as object;
  const ancestor = ancestors.get(object);
  if (ancestor !== undefined) throw new JsonValueError(path, `a cycle back to ${ancestor}`);
  ancestors.set(object, path);
  if (typeof (object as { toJSON?: unknown }).toJSON === "function") {
    assertJsonValue((object as { toJSON(): unknown }).toJSON(), path, ancestors);
  } else if (Array.isArray(object)) {
    for (let index = 0; index < object.length; index++) {
      if (!(index in object)) throw new JsonValueError(`${path}[${index}]`, "a hole in a sparse array");
      assertJsonValue(object[index], `${path}[${index}]`, ancestors);
    }
  } else {
    for (const [key, item] of Object.entries(object)) {
      const itemPath = IDENTIFIER.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
      if (LONE_SURROGATE.test(key)) throw new JsonValueError(itemPath, "a member name with a lone surrogate");
      assertJsonValue(item, itemPath, ancestors);
    }
  }
  ancestors.delete(object);
}
