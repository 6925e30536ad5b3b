// Canonical base64 only: Buffer.from skips stray characters and ignores unused
// trailing bits, so two different strings could otherwise decode to the same bytes.
// 32 bytes: 42 full characters, one holding 4 bits (low 2 bits zero), one "=".
const KEY_32 = /^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$/;
// 64 bytes: 85 full characters, one holding 2 bits (low 4 bits zero), "==".
const SIGNATURE_64 = /^[A-Za-z0-9+/]{85}[AQgw]==$/;

/** Decodes canonical base64 of a raw 32-byte Ed25519 key, or returns undefined. */
export function decodeKeyBase64(value: unknown): Buffer | undefined {
  return typeof value === "string" && KEY_32.test(value) ? Buffer.from(value, "base64") : undefined;
}

/** Decodes canonical base64 of a 64-byte Ed25519 signature, or returns undefined. */
export function decodeSignatureBase64(value: unknown): Buffer | undefined {
  return typeof value === "string" && SIGNATURE_64.test(value) ? Buffer.from(value, "base64") : undefined;
}
