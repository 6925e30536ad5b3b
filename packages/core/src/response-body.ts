import { bodyKind, defaultMediaType, findDeclared, type BodyKind } from "./media-types.js";
import type { OperationSpec } from "./operation-spec.js";

type DeclaredContent = Readonly<Record<string, boolean>>;

/** How an operation's success bodies are read, worked out once per client from its `responses`. */
export interface ResponseReading {
  /** Whether a body may need its bytes untouched (a binary media type, or `parseAs` asks for them): else it is read as text. */
  readonly bytes: boolean;
  /** The responses the spec declares for `status`: exact, then its range (`2XX`), then `default`. */
  declared(status: number): DeclaredContent | undefined;
}

/** What a success body turned out to be: a value, or text that is not what the spec promises. */
export type SuccessBody = { ok: true; value: unknown; json: boolean } | { ok: false; text: string };

// Statuses whose response has no content (RFC 9110 §15.3.5, §15.3.6, §15.4.5).
const NO_CONTENT = new Set([204, 205, 304]);
const decoder = new TextDecoder();

/** Compiles the response side of an operation. */
export function compileResponses(spec: OperationSpec): ResponseReading {
  const { responses } = spec;
  const bytes = Object.values(responses).some((content) => Object.keys(content).some((type) => bodyKind(type) === "binary"));
  return {
    bytes,
    declared(status) {
      return responses[status] ?? responses[`${Math.floor(status / 100)}XX`] ?? responses[`${Math.floor(status / 100)}xx`] ?? responses.default;
    },
  };
}

/**
 * A success body, read by the media type the server sent, checked against what the spec declares:
 * JSON parsed, `text/*` a string, anything else a `Blob` of the bytes as they came. `undefined` for HEAD,
 * 204/205/304, a response the spec declares without content, and an empty body where a schema-less JSON
 * media type is declared. An empty or unparseable body where the spec promises JSON is `{ ok: false }`.
 */
export function readSuccessBody(reading: ResponseReading, method: string, response: Response, body: string | ArrayBuffer): SuccessBody {
  if (method === "HEAD" || NO_CONTENT.has(response.status)) return { ok: true, value: undefined, json: false };
  const declared = reading.declared(response.status);
  const types = declared ? Object.keys(declared) : [];
  if (declared !== undefined && types.length === 0) return { ok: true, value: undefined, json: false };

  const sent = response.headers.get("content-type");
  const matched = sent === null ? undefined : findDeclared(types, sent);
  // A declared range (`image/*`) is read as what the server says it sent; an unlabelled or mislabelled
  // body as the spec's own media type.
  const mediaType = matched !== undefined && !matched.includes("*") ? matched : matched !== undefined ? sent! : (defaultMediaType(types) ?? sent ?? "application/json");
  const kind: BodyKind = bodyKind(mediaType);
  const empty = typeof body === "string" ? body === "" : body.byteLength === 0;

  if (kind === "json") {
    if (empty) {
      const schema = declared === undefined ? false : (declared[matched ?? mediaType] ?? true);
      return schema ? { ok: false, text: "" } : { ok: true, value: undefined, json: false };
    }
    const text = typeof body === "string" ? body : decoder.decode(body);
    try {
      return { ok: true, value: JSON.parse(text), json: true };
    } catch {
      return { ok: false, text };
    }
  }
  if (kind === "text" || kind === "form") return { ok: true, value: typeof body === "string" ? body : decoder.decode(body), json: false };
  return { ok: true, value: new Blob([body], { type: sent ?? mediaType }), json: false };
}
