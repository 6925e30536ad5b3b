import { expectNoSecrets } from "@signhub/contract";
import { IntegrityError, NotFoundError } from "@signhub/core";
import { decodeProtectedHeader, importJWK, jwtVerify } from "jose";
import { describe, expect, test } from "vitest";
import { createMinkaLedgerClient, hashLedgerRequest, signRecord } from "../../src/index.js";
import { PAGE_SYSTEM_KEY, pageRecord } from "../fixtures/page-records.js";
import { TEST_SIGNER_HANDLE, TEST_SIGNER_KEY_PAIR, TEST_SYSTEM_KEY_PAIR } from "../fixtures/test-keys.js";

const baseUrl = "https://ledger.bank.test/api/v2";
const signer = { handle: TEST_SIGNER_HANDLE, ...TEST_SIGNER_KEY_PAIR };
const path = { signer: "tesla-bank-admin", id: "signing-key" };
const update = pageRecord("update-signer-factor-request") as never;

/** A fetch answering one body (or text) for every request, recording what was sent. */
function answer(status: number, body: unknown) {
  const seen: { url: string; headers: Headers; body: string | undefined }[] = [];
  const fetch = async (url: string, init: RequestInit) => {
    seen.push({ url, headers: new Headers(init.headers), body: init.body as string | undefined });
    const text = typeof body === "string" ? body : JSON.stringify(body);
    return new Response(text, { status, headers: { "content-type": typeof body === "string" ? "text/html" : "application/json" } });
  };
  return { fetch, seen };
}

const publicJwk = { kty: "OKP", crv: "Ed25519", x: Buffer.from(TEST_SIGNER_KEY_PAIR.publicKey, "base64").toString("base64url") };

describe("signed requests", () => {
  test("each request carries x-ledger and a fresh EdDSA JWT bound to its method, URL, body and ledger", async () => {
    const { fetch, seen } = answer(200, pageRecord("update-signer-factor-200"));
    const client = createMinkaLedgerClient({ baseUrl, ledger: "tesla-bank", signer, fetch, jwt: { lifetimeSeconds: 30 } });
    await client.updateSignerFactor({ params: { path }, body: update });
    await client.updateSignerFactor({ params: { path }, body: update });
    const [first, second] = seen;
    expect(first!.headers.get("x-ledger")).toBe("tesla-bank");
    const token = first!.headers.get("authorization")!.replace(/^Bearer /, "");
    expect(decodeProtectedHeader(token)).toEqual({ alg: "EdDSA", kid: TEST_SIGNER_HANDLE });
    const { payload } = await jwtVerify(token, await importJWK(publicJwk, "EdDSA"), { audience: "tesla-bank", issuer: TEST_SIGNER_HANDLE });
    expect(payload.exp! - payload.iat!).toBe(30);
    expect(payload.hsh).toBe(
      hashLedgerRequest({ method: "PUT", url: `${baseUrl}/signers/tesla-bank-admin/factors/signing-key`, body: JSON.parse(first!.body!), ledger: "tesla-bank" }),
    );
    expect(second!.headers.get("authorization")).not.toBe(first!.headers.get("authorization"));
  });

  test("the secret key and the tokens never appear in an error", async () => {
    const { fetch, seen } = answer(404, pageRecord("error-404-record-not-found"));
    const client = createMinkaLedgerClient({ baseUrl, ledger: "tesla-bank", signer, fetch, trustedKeys: [PAGE_SYSTEM_KEY] });
    const error = await client.getSignerFactor({ params: { path } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ code: "record.not-found", message: "Minka Ledger 404 record.not-found on GET /signers/{signer}/factors/{id}: Signer not found" });
    expectNoSecrets(error, [TEST_SIGNER_KEY_PAIR.secretKey, seen[0]!.headers.get("authorization")!.slice(7)]);
  });
});

describe("verified responses", () => {
  const trustedKeys = [PAGE_SYSTEM_KEY];

  test("a tampered success body throws IntegrityError and is not returned", async () => {
    const tampered = pageRecord("update-signer-factor-200");
    (tampered.data as { custom: { title: string } }).custom.title = "Attacker key";
    const { fetch } = answer(200, tampered);
    const error = await createMinkaLedgerClient({ baseUrl, fetch, trustedKeys }).getSignerFactor({ params: { path } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntegrityError);
    expect(error).toMatchObject({ reason: "hash does not match data", status: 200 });
  });

  test("a tampered error body throws IntegrityError rather than the API error", async () => {
    const tampered = pageRecord("error-404-record-not-found");
    tampered.meta.proofs[0]!.result = tampered.meta.proofs[0]!.result.replace(/^./, (c) => (c === "A" ? "B" : "A"));
    const { fetch } = answer(404, tampered);
    const error = await createMinkaLedgerClient({ baseUrl, fetch, trustedKeys }).getSignerFactor({ params: { path } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntegrityError);
    expect((error as IntegrityError).reason).toMatch(/^proof 0 signature invalid/);
  });

  test("an unsigned (HTML) error page throws IntegrityError when responses are verified", async () => {
    const { fetch } = answer(502, "<html><h1>502 Bad Gateway</h1></html>");
    const error = await createMinkaLedgerClient({ baseUrl, fetch, trustedKeys, maxRetries: 0 })
      .getSignerFactor({ params: { path } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntegrityError);
    expect(error).toMatchObject({ status: 502, reason: "body is not JSON" });
  });

  test("a record signed by an untrusted key is refused even though its signatures hold", async () => {
    const forged = signRecord({ handle: "signing-key", schema: "key-pair" }, TEST_SYSTEM_KEY_PAIR);
    const { fetch } = answer(200, forged);
    await expect(createMinkaLedgerClient({ baseUrl, fetch, trustedKeys }).getSignerFactor({ params: { path } })).rejects.toMatchObject({
      name: "IntegrityError",
      reason: "no proof by a trusted key",
    });
  });

  test("without trustedKeys, responses are returned unverified", async () => {
    const tampered = pageRecord("update-signer-factor-200");
    tampered.hash = "0".repeat(64);
    const { fetch } = answer(200, tampered);
    await expect(createMinkaLedgerClient({ baseUrl, fetch }).getSignerFactor({ params: { path } })).resolves.toEqual(tampered);
  });
});
