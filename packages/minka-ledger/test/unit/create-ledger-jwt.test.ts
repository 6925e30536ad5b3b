import { createHash } from "node:crypto";
import canonicalizeModule from "canonicalize";
import { decodeJwt, decodeProtectedHeader, importJWK, jwtVerify } from "jose";
import { describe, expect, test } from "vitest";
import { createLedgerJwt, hashLedgerRequest, type LedgerSigner } from "../../src/auth/index.js";
import { TEST_SIGNER_HANDLE, TEST_SIGNER_KEY_PAIR, TEST_SYSTEM_KEY_PAIR } from "../fixtures/test-keys.js";

const canonicalize = canonicalizeModule;
const signer: LedgerSigner = { handle: TEST_SIGNER_HANDLE, ...TEST_SIGNER_KEY_PAIR };
const url = "https://ledger-host.invalid/api/v2/signers/signhub-test-signer/factors/signing-key";
const body = { hash: "ab", data: { handle: "signing-key" }, meta: { proofs: [] } };

/** The documented `hsh` input, hashed independently of the code under test. */
function documentedHash(object: unknown): string {
  return createHash("sha256").update(canonicalize(object)!).digest("hex");
}

async function verifyWithSignerKey(token: string) {
  const x = Buffer.from(signer.publicKey, "base64").toString("base64url");
  return jwtVerify(token, await importJWK({ kty: "OKP", crv: "Ed25519", x }, "EdDSA"), {
    algorithms: ["EdDSA"],
    issuer: signer.handle,
    audience: "tesla-bank",
  });
}

describe("createLedgerJwt", () => {
  test("writes the header { alg: EdDSA, kid: signer handle } and nothing else", async () => {
    const token = await createLedgerJwt({ method: "PUT", url, body, ledger: "tesla-bank" }, signer);
    expect(decodeProtectedHeader(token)).toEqual({ alg: "EdDSA", kid: TEST_SIGNER_HANDLE });
  });

  test("writes iss and sub as the signer handle, aud as the ledger, a UUID jti and a 60-second life", async () => {
    const before = Math.floor(Date.now() / 1000);
    const payload = decodeJwt(await createLedgerJwt({ method: "PUT", url, body, ledger: "tesla-bank" }, signer));
    expect(Object.keys(payload).sort()).toEqual(["aud", "exp", "hsh", "iat", "iss", "jti", "sub"]);
    expect(payload).toMatchObject({ iss: TEST_SIGNER_HANDLE, sub: TEST_SIGNER_HANDLE, aud: "tesla-bank" });
    expect(payload.jti).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(payload.iat).toBeGreaterThanOrEqual(before);
    expect(payload.exp! - payload.iat!).toBe(60);
  });

  test("binds the request: hsh is the hash of { method, url, body, headers: { x-ledger } }, then :x-ledger", async () => {
    const payload = decodeJwt(await createLedgerJwt({ method: "put", url, body, ledger: "tesla-bank" }, signer));
    const expected = documentedHash({ method: "PUT", url, body, headers: { "x-ledger": "tesla-bank" } });
    expect(payload.hsh).toBe(`${expected}:x-ledger`);
  });

  test("without x-ledger or body, hashes headers and body as null and appends nothing", async () => {
    const token = await createLedgerJwt({ method: "GET", url }, signer, { audience: "tesla-bank" });
    expect(decodeJwt(token).hsh).toBe(documentedHash({ method: "GET", url, body: null, headers: null }));
  });

  test("is signed by the signer's key: jose jwtVerify accepts it with that public key", async () => {
    const token = await createLedgerJwt({ method: "PUT", url, body, ledger: "tesla-bank" }, signer);
    const { payload } = await verifyWithSignerKey(token);
    expect(payload.iss).toBe(TEST_SIGNER_HANDLE);
  });

  test("takes the lifetime, audience and subject from options", async () => {
    const token = await createLedgerJwt({ method: "GET", url, ledger: "tesla-bank" }, signer, {
      lifetimeSeconds: 300,
      audience: "other-ledger",
      subject: "signer:signhub-test-signer",
    });
    const payload = decodeJwt(token);
    expect(payload.exp! - payload.iat!).toBe(300);
    expect(payload).toMatchObject({ aud: "other-ledger", sub: "signer:signhub-test-signer" });
  });

  test("gives every token its own jti", async () => {
    const request = { method: "GET", url, ledger: "tesla-bank" };
    const [first, second] = await Promise.all([createLedgerJwt(request, signer), createLedgerJwt(request, signer)]);
    expect(decodeJwt(first).jti).not.toBe(decodeJwt(second).jti);
  });

  test("rejects a call with no audience and no x-ledger", async () => {
    await expect(createLedgerJwt({ method: "GET", url }, signer)).rejects.toThrow(TypeError);
  });

  test.each([0, -5, 1.5, Number.NaN])("rejects lifetimeSeconds %s", async (lifetimeSeconds) => {
    await expect(createLedgerJwt({ method: "GET", url, ledger: "l" }, signer, { lifetimeSeconds })).rejects.toThrow(RangeError);
  });

  test("rejects a signer whose public key is not its secret key's", async () => {
    const wrong = { ...signer, publicKey: TEST_SYSTEM_KEY_PAIR.publicKey };
    await expect(createLedgerJwt({ method: "GET", url, ledger: "l" }, wrong)).rejects.toThrow("publicKey is not the public half of secretKey");
  });
});

describe("hashLedgerRequest", () => {
  test("percent-decodes the URL first, as @minka/ledger-sdk does", () => {
    const encoded = "https://ledger-host.invalid/api/v2/signers/%24snr.1/factors?include=a%20b";
    expect(hashLedgerRequest({ method: "GET", url: encoded })).toBe(
      documentedHash({
        method: "GET",
        url: "https://ledger-host.invalid/api/v2/signers/$snr.1/factors?include=a b",
        body: null,
        headers: null,
      }),
    );
  });

  test("keeps a URL with a malformed escape as sent", () => {
    expect(hashLedgerRequest({ method: "GET", url: "/a%zz" })).toBe(documentedHash({ method: "GET", url: "/a%zz", body: null, headers: null }));
  });

  test.each([
    ["an empty object", {}],
    ["an empty array", []],
    ["null", null],
  ])("hashes %s body as null", (_what, emptyBody) => {
    expect(hashLedgerRequest({ method: "POST", url, body: emptyBody })).toBe(hashLedgerRequest({ method: "POST", url }));
  });

  test("ignores the body's key order", () => {
    expect(hashLedgerRequest({ method: "PUT", url, body: { a: 1, b: 2 } })).toBe(hashLedgerRequest({ method: "PUT", url, body: { b: 2, a: 1 } }));
  });
});
