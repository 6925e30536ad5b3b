import { constants } from "node:buffer";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { tooLarge, UnreadableBodyError } from "./body-limit.js";
import { unreadableReason } from "./network-error.js";
import type { Bytes } from "./received.js";

type Decode = (bytes: Uint8Array, options: { maxOutputLength: number }) => Promise<Buffer>;

const gunzip: Decode = promisify(zlib.gunzip);
const inflate: Decode = promisify(zlib.inflate);
const inflateRaw: Decode = promisify(zlib.inflateRaw);
const brotli: Decode = promisify(zlib.brotliDecompress);
// zstd is in node:zlib from Node 22.15 and 23.8.
const zstdDecompress = (zlib as { zstdDecompress?: typeof zlib.gunzip }).zstdDecompress;
const zstd: Decode | undefined = zstdDecompress && promisify(zstdDecompress);

const decoders: Record<string, Decode | undefined> = {
  gzip: gunzip,
  "x-gzip": gunzip,
  // "deflate" is the zlib format (RFC 9110 §8.4.1.2); some servers send raw deflate, which browsers accept too.
  deflate: (bytes, options) => ((bytes[0]! & 0x0f) === 0x08 ? inflate : inflateRaw)(bytes, options),
  br: brotli,
  zstd,
};

/** What signhub asks servers for (RFC 9110 §12.5.3): the codings this runtime decodes. */
export const ACCEPT_ENCODING = zstd ? "gzip, deflate, br, zstd" : "gzip, deflate, br";

// Codings stacked on one body beyond which it is refused (fetch's own limit is 5).
const MAX_CODINGS = 5;
const { MAX_LENGTH } = constants;

/**
 * The content codings a `Content-Encoding` lists, lower case, `identity` left out. Throws `UnreadableBodyError`
 * for more than five or one this runtime does not decode (where `fetch` would hand the body on undecoded).
 */
export function checkedCodings(contentEncoding: string): string[] {
  const codings = contentEncoding
    .split(",")
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== "" && coding !== "identity");
  if (codings.length > MAX_CODINGS) throw new UnreadableBodyError(`it has ${codings.length} content codings, more than ${MAX_CODINGS}`);
  const unknown = codings.find((coding) => !Object.hasOwn(decoders, coding) || decoders[coding] === undefined);
  if (unknown !== undefined) throw new UnreadableBodyError(`its content coding "${unknown.slice(0, 40)}" is not one signhub decodes (${ACCEPT_ENCODING})`);
  return codings;
}

/**
 * A body decoded by its `Content-Encoding` (codings applied in the order listed, so undone in reverse), each
 * step stopped once its output passes `maxBytes`. Throws `UnreadableBodyError` for a body over the limit, an
 * unknown coding or too many; a corrupt body fails with zlib's own error (`Z_DATA_ERROR`…).
 */
export async function decodeContent(body: Bytes, contentEncoding: string, maxBytes: number): Promise<Bytes> {
  const codings = checkedCodings(contentEncoding);
  let decoded = body;
  for (const coding of codings.reverse()) {
    const decode = decoders[coding]!;
    if (decoded.byteLength === 0) continue;
    try {
      // zlib takes at most buffer.constants.MAX_LENGTH (4 GiB on Node 20).
      decoded = (await decode(decoded, { maxOutputLength: Math.min(maxBytes, MAX_LENGTH) })) as Bytes;
    } catch (error) {
      if ((error as { code?: unknown }).code === "ERR_BUFFER_TOO_LARGE") throw tooLarge(maxBytes);
      throw new UnreadableBodyError(unreadableReason(error) ?? "its compressed body could not be decoded", { cause: error });
    }
  }
  return decoded;
}
