import type { HeadersOptions } from "openapi-fetch";

/**
 * A request's headers as signhub sends them: each value by its lowercase name. `fetch` is handed the
 * object as it is: it reads a plain object for less than a `Headers`, which it would copy and check again.
 */
export type HeaderRecord = Record<string, string>;

/**
 * openapi-fetch's `mergeHeaders`, into a record: later sources win, `null` removes a header, each value of
 * an array is appended (joined as `Headers` joins them), `undefined` is skipped.
 */
export function mergeHeaderRecord(...sources: (HeadersOptions | undefined)[]): HeaderRecord {
  const merged: HeaderRecord = {};
  for (const source of sources) {
    if (!source || typeof source !== "object") continue;
    if (source instanceof Headers) {
      for (const [name, value] of source) mergeHeader(merged, name, value);
      continue;
    }
    // Pairs (`[["X-Tenant", "acme"]]`), a `HeadersInit` too: each appended, as `new Headers(pairs)` does.
    if (Array.isArray(source)) {
      const pairs: HeaderRecord = {};
      for (const [name, value] of source as [string, string][]) appendHeader(pairs, String(name).toLowerCase(), value);
      for (const name in pairs) setHeader(merged, name, pairs[name]);
      continue;
    }
    // Own properties only, as Object.entries reads them, without building its arrays.
    for (const name in source) if (Object.hasOwn(source, name)) mergeHeader(merged, name, (source as Record<string, unknown>)[name]);
  }
  return merged;
}

function mergeHeader(merged: HeaderRecord, name: string, value: unknown): void {
  const key = name.toLowerCase();
  if (value === null) delete merged[key];
  else if (Array.isArray(value)) for (const item of value) appendHeader(merged, key, item);
  else if (value !== undefined) setHeader(merged, key, value);
}

/** Any `HeadersInit` (a `Headers`, pairs or an object) as a record. */
export function headerRecordOf(init: HeadersInit | undefined): HeaderRecord {
  if (init === undefined || init instanceof Headers || !Array.isArray(init)) return mergeHeaderRecord(init);
  const record: HeaderRecord = {};
  for (const [name, value] of init) appendHeader(record, name!.toLowerCase(), value);
  return record;
}

/** Sets `name` (lowercase) to `value`, normalized as `Headers` normalizes it. */
export function setHeader(record: HeaderRecord, name: string, value: unknown): void {
  const normalized = headerValue(value);
  // A plain object would take "__proto__" as its prototype rather than as a header.
  if (name === "__proto__") Object.defineProperty(record, name, { value: normalized, enumerable: true, writable: true, configurable: true });
  else record[name] = normalized;
}

/** Adds `value` to `name` (lowercase), after any value it has, as `Headers.append` does. */
export function appendHeader(record: HeaderRecord, name: string, value: unknown): void {
  const existing = Object.hasOwn(record, name) ? record[name] : undefined;
  setHeader(record, name, existing === undefined ? value : `${existing}${name === "cookie" ? "; " : ", "}${headerValue(value)}`);
}

/** The value `Headers` would keep: a string without leading or trailing HTTP whitespace. */
function headerValue(value: unknown): string {
  const text = String(value);
  return text.length > 0 && (isHttpWhitespace(text.charCodeAt(0)) || isHttpWhitespace(text.charCodeAt(text.length - 1)))
    ? text.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, "")
    : text;
}

const isHttpWhitespace = (code: number) => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
