import type { Bytes } from "./received.js";

/** The most bytes a response body may have, decoded, unless a client or call says otherwise: 10 MiB. */
export const DEFAULT_MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

/** Why a response body cannot be read, the same way on every attempt; the transport makes it a `ResponseReadError`. */
export class UnreadableBodyError extends Error {
  /** The status of the response whose body it is, once known. */
  status: number | undefined;
  constructor(message: string, options?: { cause?: unknown; status?: number | undefined }) {
    super(message, options);
    this.status = options?.status;
  }
}

/** The error for a body larger than `maxBytes`. */
export const tooLarge = (maxBytes: number, status?: number) =>
  new UnreadableBodyError(`its body is larger than maxResponseBytes (${maxBytes} bytes)`, { status });

/**
 * A `fetch` response body, read whole as bytes: counted as they arrive (after decompression, which `fetch`
 * does), and cut off once past `maxBytes`, so that neither a large body nor a decompression bomb is ever held
 * whole. Throws `UnreadableBodyError` past the limit.
 */
export async function readBytesLimited(response: Response, maxBytes: number): Promise<Bytes> {
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
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return concat(chunks, size);
}

/** The chunks as one array of `size` bytes (the only chunk itself, when there is one). */
export function concat(chunks: readonly Uint8Array[], size: number): Bytes {
  if (chunks.length === 1) return chunks[0] as Bytes;
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
