import { hash, sign } from "node:crypto";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { canonicalJson } from "../../src/records/canonical-json.js";
import {
  createProof,
  hashRecordData,
  JsonValueError,
  type KeyPair,
  type LedgerRecord,
  minkaSdkJson,
  type Proof,
  proofDigest,
  signRecord,
  verifyProof,
  verifyRecord,
} from "../../src/records/index.js";
import { secretKeyObject } from "../../src/records/key-objects.js";
import { TEST_SIGNER_KEY_PAIR, TEST_SYSTEM_KEY_PAIR } from "../fixtures/test-keys.js";

interface Vector {
  name: string;
  value: unknown;
  json: string;
  hash: string;
}
/** Values and their serialization by safe-stable-stringify 2.4.1, the serializer Minka's SDK pins. */
const { vectors } = JSON.parse(readFileSync(new URL("../fixtures/minka-sdk-json.json", import.meta.url), "utf8")) as { vectors: Vector[] };

const sha256 = (text: string) => hash("sha256", text, "hex");
const EMOJI = "\u{1F600}";
const MOMENT = { moment: "2025-04-05T14:30:00.000Z" };

/** A proof as Minka's SDK signs one: its digest is over the SDK's serialization of `custom`. */
function sdkProof(recordHash: string, keyPair: KeyPair, custom: Record<string, unknown>): Proof {
  const digest = sha256(recordHash + minkaSdkJson(custom));
  const result = sign(null, Buffer.from(digest, "hex"), secretKeyObject(keyPair)).toString("base64");
  return { method: "ed25519-v2", digest, public: keyPair.publicKey, result, custom };
}

/** A record as Minka's SDK hashes and signs it, with the ledger's system proof added as the ledger would. */
function sdkSignedRecord(data: unknown, custom: Record<string, unknown> = MOMENT): LedgerRecord {
  const recordHash = sha256(minkaSdkJson(data));
  return {
    hash: recordHash,
    data,
    meta: { proofs: [sdkProof(recordHash, TEST_SIGNER_KEY_PAIR, custom), createProof(recordHash, TEST_SYSTEM_KEY_PAIR, MOMENT)] },
  };
}

/** Whether some string of `value` (a member name too) is longer than 100 UTF-16 units and has a surrogate. */
function hasLongNonBmpString(value: unknown): boolean {
  const long = (text: string) => text.length > 100 && /[\ud800-\udfff]/.test(text);
  if (typeof value === "string") return long(value);
  if (typeof value !== "object" || value === null) return false;
  return Object.entries(value).some(([key, item]) => long(key) || hasLongNonBmpString(item));
}

describe("the issue's test vector", () => {
  const data = { note: "a".repeat(99) + EMOJI };

  test("hashes to e45d3269… under RFC 8785 and to 9197b288… as Minka's SDK writes it", () => {
    expect(hashRecordData(data)).toBe("e45d32690a2dc51780dc5cae99894645721c49519444e3c8e377c3123a99e7a6");
    expect(sha256(minkaSdkJson(data))).toBe("9197b288debbead5442f5c958448541e65adbd2b5a1d89af2aec0763c9105102");
    expect(minkaSdkJson(data)).toBe(`{"note":"${"a".repeat(99)}\\ud83d\\ude00"}`);
  });

  test("a record the SDK signed verifies, and says its hash matched the SDK's writing", () => {
    const record = sdkSignedRecord(data);
    expect(verifyRecord(record, { trustedKeys: [TEST_SIGNER_KEY_PAIR.publicKey] })).toEqual({ valid: true, encoding: "minka-sdk" });
    expect(verifyRecord(record)).toEqual({ valid: true, encoding: "minka-sdk" });
  });

  test("signing stays RFC 8785, and such a record says so", () => {
    const record = signRecord(data, TEST_SIGNER_KEY_PAIR, MOMENT);
    expect(record.hash).toBe("e45d32690a2dc51780dc5cae99894645721c49519444e3c8e377c3123a99e7a6");
    expect(verifyRecord(record, { trustedKeys: [TEST_SIGNER_KEY_PAIR.publicKey] })).toEqual({ valid: true, encoding: "rfc8785" });
  });

  test("one emoji shorter, both writings agree and the record is RFC 8785", () => {
    const short = { note: "a".repeat(98) + EMOJI };
    expect(minkaSdkJson(short)).toBe(canonicalJson(short));
    expect(verifyRecord(sdkSignedRecord(short))).toEqual({ valid: true, encoding: "rfc8785" });
  });
});

describe("minkaSdkJson writes what safe-stable-stringify 2.4.1 writes", () => {
  test.each(vectors)("$name", ({ value, json, hash: expected }) => {
    expect(minkaSdkJson(value)).toBe(json);
    expect(sha256(minkaSdkJson(value))).toBe(expected);
  });

  test("for any JSON value: the same value as RFC 8785 when parsed back, and the same text unless a long string has a non-BMP character", () => {
    const value = fc.jsonValue({ stringUnit: fc.oneof(fc.constantFrom(EMOJI, "\u{10FFFF}", "é", "\n", '"'), fc.string({ minLength: 1, maxLength: 1 })) });
    const long = fc.record({ text: fc.tuple(fc.nat(120), fc.constantFrom(EMOJI, "\u{1D11E}", "x")).map(([n, c]) => "z".repeat(n) + c), rest: value });
    fc.assert(
      fc.property(fc.oneof(value, long), (input) => {
        const sdk = minkaSdkJson(input);
        const rfc = canonicalJson(input);
        expect(JSON.parse(sdk)).toEqual(JSON.parse(rfc));
        if (!hasLongNonBmpString(input)) expect(sdk).toBe(rfc);
        else expect(sdk).not.toBe(rfc);
      }),
      { numRuns: 300 },
    );
  });

  test("refuses what has no JSON form, as canonicalJson does", () => {
    expect(() => minkaSdkJson({ note: `\ud83d${"a".repeat(120)}` })).toThrow(JsonValueError);
    expect(() => minkaSdkJson({ n: 1n })).toThrow(new JsonValueError("value.n", "a BigInt"));
    expect(() => minkaSdkJson({ a: undefined }, "data")).toThrow(new JsonValueError("data.a", "undefined"));
  });
});

describe("verification with either writing", () => {
  const data = { handle: "signing-key", custom: { title: `${"Rotated primary signing key for the treasury team ".repeat(2)}${EMOJI}` } };

  test("tampering with an SDK-signed record is still detected", () => {
    const record = sdkSignedRecord(data);
    (record.data as { handle: string }).handle = "other-key";
    expect(verifyRecord(record)).toEqual({ valid: false, reason: "hash does not match data" });
  });

  test("an SDK hash of other data is refused, whichever writing", () => {
    const record = sdkSignedRecord(data);
    record.data = { ...data, custom: { title: data.custom.title.replace(EMOJI, "\u{1F601}") } };
    expect(verifyRecord(record)).toEqual({ valid: false, reason: "hash does not match data" });
  });

  test("a proof whose digest is of the SDK's writing of its custom verifies; a changed custom does not", () => {
    const recordHash = hashRecordData({ a: 1 });
    const custom = { moment: "2025-04-05T14:30:00.000Z", note: "b".repeat(100) + EMOJI };
    const proof = sdkProof(recordHash, TEST_SIGNER_KEY_PAIR, custom);
    expect(proof.digest).toBe(proofDigest(recordHash, custom, "minka-sdk"));
    expect(proof.digest).not.toBe(proofDigest(recordHash, custom));
    expect(verifyProof(recordHash, proof)).toBe(true);
    expect(verifyProof(recordHash, { ...proof, custom: { ...custom, note: `c${custom.note.slice(1)}` } })).toBe(false);
  });

  test("an RFC 8785 record with a long non-BMP string verifies as rfc8785, without the SDK's writing", () => {
    const record = signRecord(data, TEST_SYSTEM_KEY_PAIR, { moment: "2025-04-05T14:30:00.000Z", note: "d".repeat(101) + EMOJI });
    expect(verifyRecord(record, { trustedKeys: [TEST_SYSTEM_KEY_PAIR.publicKey] })).toEqual({ valid: true, encoding: "rfc8785" });
  });
});
