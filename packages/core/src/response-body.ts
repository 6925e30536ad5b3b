import { type BodyKind, bodyKind, defaultMediaType, findDeclared } from "./media-types.js";
import type { OperationSpec } from "./operation-spec.js";
import type { Bytes, Received } from "./received.js";

/** What the spec declares for one status, worked out once: its media types, and the one when there is only one. */
interface Declared {
  /** `undefined`: the spec declares nothing for this status (nor a range or `default` covering it). */
  readonly types: readonly string[] | undefined;
  /** Media type → whether it has a schema. */
  readonly schemas: Readonly<Record<string, boolean>>;
  /** The only declared media type's kind: the body is read as it whatever the server labels it. */
  readonly only: BodyKind | undefined;
}

/** How an operation's success bodies are read, worked out once per client from its `responses`. */
export interface ResponseReading {
  /** The first status the spec declares with JSON alone (`200`, say), whose body is always read as text. */
  readonly jsonStatus: number | undefined;
  /** What the spec declares for `jsonStatus`, looked up once. */
  readonly jsonDeclared: Declared | undefined;
  /** The responses the spec declares for `status`: exact, then its range (`2XX`), then `default`. */
  declared(status: number): Declared;
}

/** A success body that is not what the spec promises: an empty or unparseable body where JSON is promised. */
export class InvalidBody {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}

// Statuses whose response has no content (RFC 9110 §15.3.5, §15.3.6, §15.4.5).
const NO_CONTENT = new Set([204, 205, 304]);
const decoder = new TextDecoder();
const UNDECLARED: Declared = { types: undefined, schemas: {}, only: undefined };

/** Compiles the response side of an operation. */
export function compileResponses(spec: OperationSpec): ResponseReading {
  const { responses } = spec;
  const byStatus = new Map<number, Declared>();
  const declared = (status: number): Declared => {
    let found = byStatus.get(status);
    if (found === undefined) {
      const range = `${Math.floor(status / 100)}XX`;
      const content = responses[status] ?? responses[range] ?? responses[range.toLowerCase()] ?? responses.default;
      const types = content === undefined ? undefined : Object.keys(content);
      found =
        content === undefined
          ? UNDECLARED
          : { types, schemas: content, only: types!.length === 1 && !types![0]!.includes("*") ? bodyKind(types![0]!) : undefined };
      // Bounded by the statuses that exist (100–599).
      if (byStatus.size < 500) byStatus.set(status, found);
    }
    return found;
  };
  const jsonStatus = Object.keys(responses)
    .filter((status) => /^\d{3}$/.test(status))
    .map(Number)
    .find((status) => declared(status).only === "json");
  return {
    jsonStatus,
    jsonDeclared: jsonStatus === undefined ? undefined : declared(jsonStatus),
    declared,
  };
}

/** The `charset` parameter of a media type, lower case, unless it is UTF-8 (RFC 9110 §8.3.2). */
function charsetOf(mediaType: string): string | undefined {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(mediaType)?.[1]?.toLowerCase();
  return charset === undefined || charset === "utf-8" || charset === "utf8" ? undefined : charset;
}

/** Text in the charset its media type names (UTF-8 when it names none, or one this runtime does not know). */
function decodeText(body: Bytes, mediaType: string | null): string {
  const charset = mediaType === null ? undefined : charsetOf(mediaType);
  if (charset !== undefined) {
    try {
      return new TextDecoder(charset).decode(body);
    } catch {
      // An unknown label: UTF-8, as a browser would fall back.
    }
  }
  return decoder.decode(body);
}

/**
 * A success body, read by the media type the server sent, checked against what the spec declares:
 * JSON parsed (and handed to `onJson`), `text/*` a string, anything else a `Blob` of the bytes as they came.
 * `undefined` for HEAD, 204/205/304, a response the spec declares without content, and an empty body where a
 * schema-less JSON media type is declared. An empty or unparseable body where JSON is promised is an `InvalidBody`.
 */
export function readSuccessBody(
  reading: ResponseReading,
  method: string,
  response: Omit<Received, "body">,
  body: Bytes,
  onJson?: (value: unknown) => void,
): unknown {
  const { status } = response;
  if (method === "HEAD" || NO_CONTENT.has(status)) return undefined;
  const declared = status === reading.jsonStatus ? reading.jsonDeclared! : reading.declared(status);
  const { types } = declared;
  if (types !== undefined && types.length === 0) return undefined;

  let kind: BodyKind;
  let mediaType: string;
  let sent: string | null = null;
  if (declared.only !== undefined) {
    // One declared media type: an unlabelled or mislabelled body is read as it, so the label is not needed.
    kind = declared.only;
    mediaType = types![0]!;
  } else {
    sent = response.headers.get("content-type");
    const matched = sent === null ? undefined : findDeclared(types ?? [], sent);
    // A declared range (`image/*`) is read as what the server says it sent; an unlabelled or mislabelled
    // body as the spec's own media type.
    mediaType = matched !== undefined ? (matched.includes("*") ? sent! : matched) : (defaultMediaType(types ?? []) ?? sent ?? "application/json");
    kind = bodyKind(mediaType);
  }
  const empty = body.byteLength === 0;

  if (kind === "json") {
    if (empty) return types !== undefined && (declared.schemas[mediaType] ?? true) ? new InvalidBody("") : undefined;
    const text = decoder.decode(body);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return new InvalidBody(text);
    }
    onJson?.(value);
    return value;
  }
  if (kind === "text" || kind === "form") return decodeText(body, sent ?? response.headers.get("content-type"));
  return new Blob([body], { type: sent ?? response.headers.get("content-type") ?? mediaType });
}
