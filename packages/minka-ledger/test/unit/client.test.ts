import { expectNoSecrets } from "@signhub/contract";
import { BadRequestError, IntegrityError, NotFoundError, REDACTED } from "@signhub/core";
import { decodeProtectedHeader, importJWK, jwtVerify } from "jose";
import { afterEach, describe, expect, test, vi } from "vitest";
import { createMinkaLedgerClient, createProof, hashLedgerRequest, ledgerSignerAuth, MAX_RECORD_PROOFS, signRecord } from "../../src/index.js";
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
      hashLedgerRequest({
        method: "PUT",
        url: `${baseUrl}/signers/tesla-bank-admin/factors/signing-key`,
        body: JSON.parse(first!.body!),
        ledger: "tesla-bank",
      }),
    );
    expect(second!.headers.get("authorization")).not.toBe(first!.headers.get("authorization"));
  });

  test("the secret key and the tokens never appear in an error", async () => {
    const { fetch, seen } = answer(404, pageRecord("error-404-record-not-found"));
    const client = createMinkaLedgerClient({ baseUrl, ledger: "tesla-bank", signer, fetch, trustedKeys: [PAGE_SYSTEM_KEY] });
    const error = await client.getSignerFactor({ params: { path } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({
      code: "record.not-found",
      message: "Minka Ledger 404 record.not-found on GET /signers/{signer}/factors/{id}: Signer not found",
    });
    expectNoSecrets(error, [TEST_SIGNER_KEY_PAIR.secretKey, seen[0]!.headers.get("authorization")!.slice(7)]);
  });
});

describe("tokens are scrubbed from errors while their requests may still fail", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  test("20 requests in flight at once: no error shows any of the 20 tokens, though each 400 body echoes its own", async () => {
    const count = 20;
    const tokens: string[] = [];
    let answerAll!: () => void;
    const allSent = new Promise<void>((resolve) => (answerAll = resolve));
    const fetch = async (_url: string, init: RequestInit) => {
      const authorization = new Headers(init.headers).get("authorization")!;
      tokens.push(authorization.slice("Bearer ".length));
      if (tokens.length === count) answerAll();
      // Every token is issued before the first error is built.
      await allSent;
      const body = signRecord({ reason: "api.body-malformed", detail: `Refused header: ${authorization}` }, TEST_SYSTEM_KEY_PAIR);
      return new Response(JSON.stringify(body), { status: 400, headers: { "content-type": "application/json" } });
    };
    const client = createMinkaLedgerClient({ baseUrl, ledger: "tesla-bank", signer, fetch });
    const errors = await Promise.all(Array.from({ length: count }, () => client.getSignerFactor({ params: { path } }).catch((e: unknown) => e)));
    expect(new Set(tokens).size).toBe(count);
    for (const error of errors) {
      expect(error).toBeInstanceOf(BadRequestError);
      expect((error as BadRequestError).message).toContain(`Refused header: Bearer ${REDACTED}`);
      expectNoSecrets(error, tokens);
    }
  });

  test("a token is forgotten a minute after its exp, and not before", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const issuedAt = Date.UTC(2025, 3, 5, 14, 30);
    vi.setSystemTime(issuedAt);
    const auth = ledgerSignerAuth(signer, { ledger: "tesla-bank", lifetimeSeconds: 30 });
    const request = { method: "GET", url: `${baseUrl}/signers/system`, headers: {} as Record<string, string>, body: null };
    await auth.authorize(request, { refresh: false });
    const token = request.headers.authorization!.slice("Bearer ".length);
    vi.setSystemTime(issuedAt + 90_000 - 1);
    expect(auth.secrets()).toContain(token);
    vi.setSystemTime(issuedAt + 90_000);
    expect(auth.secrets()).not.toContain(token);
    expect(auth.secrets()).toEqual([signer.secretKey]);
  });
});

describe("verified responses", () => {
  const trustedKeys = [PAGE_SYSTEM_KEY];

  test("a tampered success body throws IntegrityError and is not returned", async () => {
    const tampered = pageRecord("update-signer-factor-200");
    (tampered.data as { custom: { title: string } }).custom.title = "Attacker key";
    const { fetch } = answer(200, tampered);
    const error = await createMinkaLedgerClient({ baseUrl, fetch, trustedKeys })
      .getSignerFactor({ params: { path } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntegrityError);
    expect(error).toMatchObject({ reason: "hash does not match data", status: 200 });
  });

  test("a tampered error body throws IntegrityError rather than the API error", async () => {
    const tampered = pageRecord("error-404-record-not-found");
    tampered.meta.proofs[0]!.result = tampered.meta.proofs[0]!.result.replace(/^./, (c) => (c === "A" ? "B" : "A"));
    const { fetch } = answer(404, tampered);
    const error = await createMinkaLedgerClient({ baseUrl, fetch, trustedKeys })
      .getSignerFactor({ params: { path } })
      .catch((e: unknown) => e);
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

  test("a body with more than MAX_RECORD_PROOFS proofs throws IntegrityError, even when they are all by the trusted key", async () => {
    const crowded = pageRecord("update-signer-factor-200");
    const systemProof = crowded.meta.proofs[1]!;
    crowded.meta.proofs = Array.from({ length: 1_000 }, () => systemProof);
    const { fetch } = answer(200, crowded);
    await expect(createMinkaLedgerClient({ baseUrl, fetch, trustedKeys }).getSignerFactor({ params: { path } })).rejects.toMatchObject({
      name: "IntegrityError",
      reason: `record has 1000 proofs, more than the ${MAX_RECORD_PROOFS} verified`,
    });
  });

  test("without trustedKeys, responses are returned unverified", async () => {
    const tampered = pageRecord("update-signer-factor-200");
    tampered.hash = "0".repeat(64);
    const { fetch } = answer(200, tampered);
    await expect(createMinkaLedgerClient({ baseUrl, fetch }).getSignerFactor({ params: { path } })).resolves.toEqual(tampered);
  });
});

describe("the reason of an error body is an open string", () => {
  test.each(["api.service-unavailable", "record.update-rejected", "ledger.a-reason-from-a-newer-ledger"])(
    "a signed error with reason %s is thrown as the status's error, its reason as code",
    async (reason) => {
      const body = signRecord({ reason, detail: "Try again later." }, TEST_SYSTEM_KEY_PAIR);
      const { fetch } = answer(503, body);
      const error = await createMinkaLedgerClient({ baseUrl, fetch, trustedKeys: [TEST_SYSTEM_KEY_PAIR.publicKey], maxRetries: 0 })
        .getSignerFactor({ params: { path } })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ name: "InternalServerError", status: 503, code: reason });
      expect((error as Error).message).toBe(`Minka Ledger 503 ${reason} on GET /signers/{signer}/factors/{id}: Try again later.`);
    },
  );
});

describe("adding a proof", () => {
  test("POSTs one proof over the factor's current hash, and is not retried after a 503", async () => {
    const current = pageRecord("update-signer-factor-200");
    const proof = createProof(current.hash, TEST_SIGNER_KEY_PAIR, { moment: "2025-04-05T14:30:10.000Z", status: "active" });
    const { fetch, seen } = answer(503, signRecord({ reason: "api.unexpected-error", detail: "Busy." }, TEST_SYSTEM_KEY_PAIR));
    const client = createMinkaLedgerClient({ baseUrl, ledger: "tesla-bank", signer, fetch, maxRetries: 5 });
    await expect(client.addSignerFactorProof({ params: { path }, body: proof })).rejects.toMatchObject({ status: 503, code: "api.unexpected-error" });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.url).toBe(`${baseUrl}/signers/tesla-bank-admin/factors/signing-key/proofs`);
    expect(JSON.parse(seen[0]!.body!)).toEqual(proof);
  });
});
