import { createHash } from "node:crypto";
import { describe, expect, test } from "vitest";
import { createProof, generateKeyPair, hashRecordData, signRecord, verifyProof, verifyRecord } from "../../src/records/index.js";
import { PAGE_FIXTURES, pageRecord } from "../fixtures/page-records.js";
import { TEST_SIGNER_KEY_PAIR, TEST_SYSTEM_KEY_PAIR } from "../fixtures/test-keys.js";

describe("hashRecordData", () => {
  test.each(PAGE_FIXTURES)("reproduces the hash of the page's %s", (name) => {
    const record = pageRecord(name);
    expect(hashRecordData(record.data)).toBe(record.hash);
  });
});

describe("createProof", () => {
  const pageProofs = PAGE_FIXTURES.flatMap((name) =>
    pageRecord(name).meta.proofs.map((proof, index) => [`${name} proof ${index}`, pageRecord(name).hash, proof] as const),
  );

  test.each(pageProofs)("reproduces the digest of %s from the page's hash and custom", (_name, hash, proof) => {
    expect(createProof(hash, TEST_SIGNER_KEY_PAIR, proof.custom).digest).toBe(proof.digest);
  });

  test("writes an ed25519-v2 proof by the key pair's public key that verifies", () => {
    const proof = createProof(hashRecordData({ a: 1 }), TEST_SIGNER_KEY_PAIR, { moment: "2025-04-05T14:30:00.000Z" });
    expect(proof).toMatchObject({ method: "ed25519-v2", public: TEST_SIGNER_KEY_PAIR.publicKey });
    expect(proof.custom).toEqual({ moment: "2025-04-05T14:30:00.000Z" });
    expect(verifyProof(hashRecordData({ a: 1 }), proof)).toBe(true);
  });

  test("without custom, signs the hash alone and writes no custom field", () => {
    const hash = hashRecordData({ a: 1 });
    const proof = createProof(hash, TEST_SIGNER_KEY_PAIR);
    expect(Object.keys(proof)).toEqual(["method", "digest", "public", "result"]);
    expect(proof.digest).toBe(createHash("sha256").update(hash).digest("hex"));
    expect(verifyProof(hash, proof)).toBe(true);
  });

  test("signs deterministically, as Ed25519 does", () => {
    expect(createProof("ab", TEST_SIGNER_KEY_PAIR).result).toBe(createProof("ab", TEST_SIGNER_KEY_PAIR).result);
  });

  test("rejects a public key that is not the secret key's, without echoing the secret", () => {
    const mismatched = { publicKey: TEST_SYSTEM_KEY_PAIR.publicKey, secretKey: TEST_SIGNER_KEY_PAIR.secretKey };
    expect(() => createProof("ab", mismatched)).toThrow(new TypeError("publicKey is not the public half of secretKey"));
  });

  test("rejects a secret key that is not base64 of 32 bytes", () => {
    const malformed = { publicKey: TEST_SIGNER_KEY_PAIR.publicKey, secretKey: "c2hvcnQ=" };
    expect(() => createProof("ab", malformed)).toThrow(new TypeError("secretKey must be a base64 raw 32-byte Ed25519 key"));
  });
});

describe("signRecord", () => {
  test("wraps data as { hash, data, meta: { proofs: [proof] } } that verifies with the signer trusted", () => {
    const data = { handle: "signing-key", custom: { title: "ünïcode ✓" } };
    const record = signRecord(data, TEST_SIGNER_KEY_PAIR, { moment: "2025-04-05T14:30:00.000Z" });
    expect(record.hash).toBe(hashRecordData(data));
    expect(record.data).toBe(data);
    expect(record.meta.proofs).toHaveLength(1);
    expect(verifyRecord(record, { trustedKeys: [TEST_SIGNER_KEY_PAIR.publicKey] })).toEqual({ valid: true, encoding: "rfc8785" });
  });

  test("a record countersigned by a second key verifies with either key trusted", () => {
    const record = signRecord({ a: [1, 2, 3] }, TEST_SIGNER_KEY_PAIR);
    record.meta.proofs.push(createProof(record.hash, TEST_SYSTEM_KEY_PAIR, { luid: "$x.1", moment: "2025-04-05T14:30:00.050Z" }));
    expect(verifyRecord(record, { trustedKeys: [TEST_SYSTEM_KEY_PAIR.publicKey] })).toEqual({ valid: true, encoding: "rfc8785" });
    expect(verifyRecord(record, { trustedKeys: [TEST_SIGNER_KEY_PAIR.publicKey] })).toEqual({ valid: true, encoding: "rfc8785" });
  });
});

describe("generateKeyPair", () => {
  test("returns base64 raw 32-byte keys that sign records", () => {
    const keyPair = generateKeyPair();
    expect(Buffer.from(keyPair.publicKey, "base64")).toHaveLength(32);
    expect(Buffer.from(keyPair.secretKey, "base64")).toHaveLength(32);
    expect(verifyRecord(signRecord({ a: 1 }, keyPair), { trustedKeys: [keyPair.publicKey] })).toEqual({ valid: true, encoding: "rfc8785" });
  });

  test("returns a different key pair each time", () => {
    expect(generateKeyPair().publicKey).not.toBe(generateKeyPair().publicKey);
  });
});
