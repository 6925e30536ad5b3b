import { verify } from "node:crypto";
import { beforeEach, describe, expect, test, vi } from "vitest";
import { type LedgerRecord, MAX_RECORD_PROOFS, type Proof, verifyProof, verifyRecord } from "../../src/records/index.js";
import { PAGE_ADMIN_KEY, PAGE_FIXTURES, PAGE_SYSTEM_KEY, pageRecord } from "../fixtures/page-records.js";
import { TEST_SYSTEM_KEY_PAIR } from "../fixtures/test-keys.js";

// node:crypto as it is, with `verify` counted: how many signatures a verification checked.
vi.mock("node:crypto", async (importOriginal) => {
  const crypto = await importOriginal<typeof import("node:crypto")>();
  return { ...crypto, verify: vi.fn(crypto.verify) };
});
const signatureChecks = vi.mocked(verify);
// Braces: a function returned by beforeEach (mockClear returns the mock) would run as its teardown.
beforeEach(() => {
  signatureChecks.mockClear();
});

const PAGE_RESPONSES = PAGE_FIXTURES.filter((name) => name !== "update-signer-factor-request");

/** The page's stored signer factor: proof 0 by tesla-bank-admin, proof 1 by system. */
function storedFactor(): LedgerRecord<Record<string, unknown>> & { meta: { proofs: [Proof, Proof] } } {
  return pageRecord("update-signer-factor-200") as never;
}

/** `text` with the character at `index` replaced by a different one of the same alphabet. */
function flipCharacter(text: string, index: number): string {
  const replacement = text[index] === "A" ? "B" : "A";
  return text.slice(0, index) + replacement + text.slice(index + 1);
}

describe("the page's genuine records", () => {
  test.each(PAGE_RESPONSES)("%s verifies with the page's system key trusted", (name) => {
    expect(verifyRecord(pageRecord(name), { trustedKeys: [PAGE_SYSTEM_KEY] })).toEqual({ valid: true, encoding: "rfc8785" });
  });

  test("the request body verifies with tesla-bank-admin's key trusted", () => {
    expect(verifyRecord(pageRecord("update-signer-factor-request"), { trustedKeys: [PAGE_ADMIN_KEY] })).toEqual({
      valid: true,
      encoding: "rfc8785",
    });
  });

  test("the stored factor's admin proof verifies on its own", () => {
    const record = storedFactor();
    expect(record.meta.proofs[0].public).toBe(PAGE_ADMIN_KEY);
    expect(verifyProof(record.hash, record.meta.proofs[0])).toBe(true);
    expect(verifyRecord(record, { trustedKeys: new Set([PAGE_ADMIN_KEY]) })).toEqual({ valid: true, encoding: "rfc8785" });
  });

  test("a record verifies without trustedKeys when every proof holds", () => {
    expect(verifyRecord(storedFactor())).toEqual({ valid: true, encoding: "rfc8785" });
  });

  test("the ledger-added signer field is not signed, so changing it keeps the record valid", () => {
    const record = storedFactor();
    record.meta.proofs[1].signer = "someone-else";
    expect(verifyRecord(record, { trustedKeys: [PAGE_SYSTEM_KEY] })).toEqual({ valid: true, encoding: "rfc8785" });
  });
});

describe("tampering", () => {
  const cases: [string, (record: ReturnType<typeof storedFactor>) => void, string][] = [
    ["a data field", (r) => ((r.data.custom as { title: string }).title = "Admin primary signing key!"), "hash does not match data"],
    ["an added data field", (r) => (r.data.extra = true), "hash does not match data"],
    ["one hex digit of the hash", (r) => (r.hash = flipCharacter(r.hash, 10)), "hash does not match data"],
    ["one hex digit of a digest", (r) => (r.meta.proofs[1].digest = flipCharacter(r.meta.proofs[1].digest, 0)), "proof 1 digest does not match"],
    ["one character of a signature", (r) => (r.meta.proofs[0].result = flipCharacter(r.meta.proofs[0].result, 5)), "proof 0 signature invalid"],
    ["the moment in a proof's custom", (r) => (r.meta.proofs[1].custom!.moment = "2025-04-05T14:30:00.221Z"), "proof 1 digest does not match"],
    ["the luid in a proof's custom", (r) => (r.meta.proofs[1].custom!.luid = "$snf.-01xK1rTtU2dS4wX4"), "proof 1 digest does not match"],
    ["a proof's custom removed", (r) => delete r.meta.proofs[0].custom, "proof 0 digest does not match"],
    ["a proof's public key swapped", (r) => (r.meta.proofs[0].public = PAGE_SYSTEM_KEY), "proof 0 signature invalid"],
    ["a proof's method", (r) => (r.meta.proofs[0].method = "ed25519-v1"), 'proof 0 method "ed25519-v1" is not supported'],
    ["all proofs removed", (r) => ((r.meta.proofs as Proof[]).length = 0), "record has no proofs"],
  ];

  test.each(cases)("changing %s is detected", (_what, tamper, reason) => {
    const record = storedFactor();
    tamper(record);
    expect(verifyRecord(record, { trustedKeys: [PAGE_SYSTEM_KEY, PAGE_ADMIN_KEY] })).toEqual({ valid: false, reason });
  });

  test("a proof copied from another record fails its digest", () => {
    const record = storedFactor();
    record.meta.proofs[1] = pageRecord("error-401-auth-unauthorized").meta.proofs[0]!;
    expect(verifyRecord(record)).toEqual({ valid: false, reason: "proof 1 digest does not match" });
  });
});

describe("trust", () => {
  test("a record signed only by untrusted keys is invalid", () => {
    expect(verifyRecord(storedFactor(), { trustedKeys: [TEST_SYSTEM_KEY_PAIR.publicKey] })).toEqual({
      valid: false,
      reason: "no proof by a trusted key",
    });
  });

  test("an empty trusted set trusts nobody", () => {
    expect(verifyRecord(storedFactor(), { trustedKeys: [] })).toEqual({ valid: false, reason: "no proof by a trusted key" });
  });
});

describe("cost: which proofs are trusted is decided before any signature is checked", () => {
  /** The stored factor with its proofs replaced: "admin" (untrusted below) and "system" (trusted). */
  function withProofs(kinds: readonly ("admin" | "system")[]) {
    const record = storedFactor();
    const [admin, system] = record.meta.proofs;
    (record.meta as { proofs: Proof[] }).proofs = kinds.map((kind) => (kind === "admin" ? admin : system));
    return record;
  }
  const trustedKeys = [PAGE_SYSTEM_KEY];

  test("100,000 proofs by an untrusted key are refused without checking one signature", () => {
    const record = withProofs(Array<"admin">(100_000).fill("admin"));
    expect(verifyRecord(record, { trustedKeys })).toEqual({ valid: false, reason: "record has 100000 proofs, more than the 64 verified" });
    expect(signatureChecks).not.toHaveBeenCalled();
  });

  test("a trusted proof 2nd among thousands does not save the record: over the bound, nothing is read", () => {
    const record = withProofs(["admin", "system", ...Array<"admin">(4_998).fill("admin")]);
    expect(verifyRecord(record, { trustedKeys })).toEqual({ valid: false, reason: "record has 5000 proofs, more than the 64 verified" });
    expect(signatureChecks).not.toHaveBeenCalled();
  });

  test("one proof over MAX_RECORD_PROOFS is refused; a record with MAX_RECORD_PROOFS is read", () => {
    const atBound = withProofs(["admin", "system", ...Array<"admin">(MAX_RECORD_PROOFS - 2).fill("admin")]);
    expect(verifyRecord(atBound, { trustedKeys })).toEqual({ valid: true, encoding: "rfc8785" });
    atBound.meta.proofs.push(atBound.meta.proofs[0]!);
    expect(verifyRecord(atBound, { trustedKeys })).toEqual({ valid: false, reason: "record has 65 proofs, more than the 64 verified" });
  });

  test("with trustedKeys, only the trusted proofs' signatures are checked", () => {
    const record = withProofs(["admin", "system", ...Array<"admin">(MAX_RECORD_PROOFS - 2).fill("admin")]);
    expect(verifyRecord(record, { trustedKeys })).toEqual({ valid: true, encoding: "rfc8785" });
    expect(signatureChecks).toHaveBeenCalledTimes(1);
  });

  test("a record with no trusted proof is refused without checking any signature", () => {
    expect(verifyRecord(withProofs(["admin", "admin"]), { trustedKeys })).toEqual({ valid: false, reason: "no proof by a trusted key" });
    expect(signatureChecks).not.toHaveBeenCalled();
  });

  test("with trustedKeys, a broken proof by an untrusted key is not read, so the record stays valid", () => {
    const record = storedFactor();
    record.meta.proofs[0].result = flipCharacter(record.meta.proofs[0].result, 5);
    expect(verifyRecord(record, { trustedKeys })).toEqual({ valid: true, encoding: "rfc8785" });
    expect(verifyRecord(record)).toEqual({ valid: false, reason: "proof 0 signature invalid" });
  });
});

describe("malformed input is reported, never thrown", () => {
  const withProof = (patch: Partial<Record<keyof Proof, unknown>>) => {
    const record = storedFactor() as unknown as { meta: { proofs: Record<string, unknown>[] } };
    Object.assign(record.meta.proofs[0]!, patch);
    return record;
  };
  const cases: [string, unknown, string][] = [
    ["null", null, "record is not an object"],
    ["a string", "{}", "record is not an object"],
    ["an array", [], "record is not an object"],
    ["an empty object", {}, "record hash is not a string"],
    ["a numeric hash", { ...storedFactor(), hash: 42 }, "record hash is not a string"],
    ["no data", { ...storedFactor(), data: undefined }, "record has no data"],
    ["no meta", { ...storedFactor(), meta: undefined }, "record has no meta"],
    ["meta without proofs", { ...storedFactor(), meta: {} }, "record meta.proofs is not an array"],
    ["proofs as an object", { ...storedFactor(), meta: { proofs: {} } }, "record meta.proofs is not an array"],
    ["data with a BigInt", { ...storedFactor(), data: { n: 1n } }, "record data has no JSON form"],
    ["a null proof", { ...storedFactor(), meta: { proofs: [null] } }, "proof 0 is not an object"],
    ["a proof without method", withProof({ method: undefined }), "proof 0 method undefined is not supported"],
    ["a numeric digest", withProof({ digest: 7 }), "proof 0 digest is not a string"],
    ["a custom with NaN", withProof({ custom: { n: Number.NaN } }), "proof 0 custom has no JSON form"],
    ["a public key that is not base64", withProof({ public: "not base64!" }), "proof 0 public is not a base64 raw Ed25519 key"],
    ["a 31-byte public key", withProof({ public: Buffer.alloc(31, 1).toString("base64") }), "proof 0 public is not a base64 raw Ed25519 key"],
    ["a 33-byte public key", withProof({ public: Buffer.alloc(33, 1).toString("base64") }), "proof 0 public is not a base64 raw Ed25519 key"],
    ["a numeric public key", withProof({ public: 1 }), "proof 0 public is not a base64 raw Ed25519 key"],
    ["a signature that is not base64", withProof({ result: "%%%" }), "proof 0 result is not a base64 64-byte signature"],
    ["a 63-byte signature", withProof({ result: Buffer.alloc(63, 1).toString("base64") }), "proof 0 result is not a base64 64-byte signature"],
    ["a missing signature", withProof({ result: undefined }), "proof 0 result is not a base64 64-byte signature"],
  ];

  test.each(cases)("%s", (_what, input, reason) => {
    expect(verifyRecord(input)).toEqual({ valid: false, reason });
  });

  test("base64 with unused trailing bits set is rejected, as it aliases another string", () => {
    const record = storedFactor();
    const result = record.meta.proofs[0].result; // ends "Cg==": "g" carries 2 bits, 4 unused
    const alias = `${result.slice(0, -3)}h==`;
    expect(Buffer.from(alias, "base64").equals(Buffer.from(result, "base64"))).toBe(true);
    record.meta.proofs[0].result = alias;
    expect(verifyRecord(record)).toEqual({ valid: false, reason: "proof 0 result is not a base64 64-byte signature" });
  });

  test("verifyProof answers false for malformed proofs and hashes", () => {
    const proof = storedFactor().meta.proofs[0];
    expect(verifyProof(42 as never, proof)).toBe(false);
    expect(verifyProof(storedFactor().hash, null as never)).toBe(false);
    expect(verifyProof(storedFactor().hash, { ...proof, public: "short" })).toBe(false);
  });
});
