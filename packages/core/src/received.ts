/** What signhub reads of a response's headers: `Headers` has it, and so does a dispatcher's parsed record. */
export type HeaderReader = Pick<Headers, "get" | "forEach">;

/** Bytes in memory of their own (never a `SharedArrayBuffer`). */
export type Bytes = Uint8Array<ArrayBuffer>;

/** A response as an attempt received it: its status line, its headers, and its body read whole (decoded). */
export interface Received {
  readonly status: number;
  readonly statusText: string;
  readonly headers: HeaderReader;
  readonly body: Bytes;
}

/**
 * The headers undici parses for a dispatched request (names lower case, a repeated header's values in an
 * array), read as `Headers` reads: a repeated header's values joined by ", ", a name absent unless it is
 * the record's own (the record is a plain object: `constructor` is not a header because it is inherited).
 */
export class ParsedHeaders implements HeaderReader {
  readonly #record: Record<string, string | string[] | undefined>;

  constructor(record: Record<string, string | string[] | undefined>) {
    this.#record = record;
  }

  get(name: string): string | null {
    const key = name.toLowerCase();
    if (!Object.hasOwn(this.#record, key)) return null;
    const value = this.#record[key];
    return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
  }

  /** Each value as received, a repeated header's one by one (so that `Set-Cookie` lines stay apart). */
  forEachValue(callback: (value: string, name: string) => void): void {
    for (const name of Object.keys(this.#record)) {
      const value = this.#record[name];
      if (Array.isArray(value)) for (const item of value) callback(item, name);
      else if (value !== undefined) callback(value, name);
    }
  }

  forEach(callback: (value: string, name: string, parent: Headers) => void): void {
    for (const name of Object.keys(this.#record)) {
      const value = this.get(name);
      if (value !== null) callback(value, name, this as unknown as Headers);
    }
  }
}

/** The headers as a `Headers` (what `withResponse` and a rebuilt `Response` give), skipping a value `Headers` refuses. */
export function asHeaders(headers: HeaderReader): Headers {
  if (headers instanceof Headers) return headers;
  const copy = new Headers();
  const append = (value: string, name: string) => {
    try {
      copy.append(name, value);
    } catch {
      // A name or value no `Headers` can hold (the wire parser is laxer): left out rather than failing the call.
    }
  };
  if (headers instanceof ParsedHeaders) headers.forEachValue(append);
  else headers.forEach(append);
  return copy;
}
