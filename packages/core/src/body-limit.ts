/** The most bytes a response body may have, decoded, unless a client or call says otherwise: 10 MiB. */
export const DEFAULT_MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

const decoder = new TextDecoder();

/** Why a body was not read whole; the transport turns it into a `ResponseReadError` with the provider's words. */
export class BodyTooLargeError extends Error {
  readonly maxBytes: number;
  constructor(maxBytes: number) {
    super(`its body is larger than maxResponseBytes (${maxBytes} bytes)`);
    this.maxBytes = maxBytes;
  }
}

/**
 * A response body, read whole, as bytes: counted as they arrive (after decompression, which `fetch` does),
 * and cut off with `BodyTooLargeError` once past `maxBytes`, so that neither a large body nor a
 * decompression bomb is ever held whole.
 */
export async function readBytesLimited(response: Response, maxBytes: number): Promise<Uint8Array> {
  const { body } = response;
  if (body === null) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      // Stops the transfer (and the decompression) here; the connection is not reused.
      reader.cancel().catch(() => {});
      throw new BodyTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0]!;
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** A response body, read whole as UTF-8 text, within `maxBytes` (see `readBytesLimited`). */
export async function readTextLimited(response: Response, maxBytes: number): Promise<string> {
  return decoder.decode(await readBytesLimited(response, maxBytes));
}

/** The bytes as an `ArrayBuffer` of exactly their length (a chunk may be a view into a larger buffer). */
export function exactBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    ? (bytes.buffer as ArrayBuffer)
    : (bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
}
