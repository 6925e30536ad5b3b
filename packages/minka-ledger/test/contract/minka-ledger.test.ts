import { describeContract } from "@signhub/contract";
import { IntegrityError } from "@signhub/core";
import { describe, expect, inject, test } from "vitest";
import { createMinkaLedgerClient, generateKeyPair, type MinkaLedgerClient, signRecord } from "../../src/index.js";
import { PAGE_SYSTEM_KEY, pageProof, pageRecord } from "../fixtures/page-records.js";
import { TEST_SIGNER_HANDLE, TEST_SIGNER_KEY_PAIR, TEST_SYSTEM_KEY_PAIR } from "../fixtures/test-keys.js";

const signer = { handle: TEST_SIGNER_HANDLE, ...TEST_SIGNER_KEY_PAIR };
const path = { signer: "tesla-bank-admin", id: "signing-key" };
// The page's request body: a genuine signed record, valid against the spec.
const update = pageRecord("update-signer-factor-request") as never;
// The "Add signer factor proof" page's request body: a genuine proof.
const proof = pageProof("add-signer-factor-proof-request");
const create = signRecord(
  { handle: "backup-key", schema: "key-pair", format: "ed25519-raw", signer: "tesla-bank-admin", public: generateKeyPair().publicKey },
  TEST_SIGNER_KEY_PAIR,
);

const client = (baseUrl: string, trustedKeys: string[]) => createMinkaLedgerClient({ baseUrl, ledger: "tesla-bank", signer, trustedKeys, maxRetries: 0 });

describeContract<MinkaLedgerClient>({
  provider: "minka-ledger",
  // The page's examples are signed by the page's system key, the generated ones by the test system key.
  client: (baseUrl) => client(baseUrl, [PAGE_SYSTEM_KEY, TEST_SYSTEM_KEY_PAIR.publicKey]),
  calls: {
    listSignerFactors: (c, headers) =>
      c.listSignerFactors({ params: { path: { signer: path.signer }, query: { "page.index": 0, "page.limit": 20 } }, headers }),
    createSignerFactor: (c, headers) => c.createSignerFactor({ params: { path: { signer: path.signer } }, body: create, headers }),
    getSignerFactor: (c, headers) => c.getSignerFactor({ params: { path }, headers }),
    updateSignerFactor: (c, headers) => c.updateSignerFactor({ params: { path }, body: update, headers }),
    addSignerFactorProof: (c, headers) => c.addSignerFactorProof({ params: { path }, body: proof, headers }),
    listSignerFactorChanges: (c, headers) => c.listSignerFactorChanges({ params: { path }, headers }),
    getSystemSigner: (c, headers) => c.getSystemSigner({ headers }),
  },
  // Error bodies are signed records whose data carries the reason.
  codeOf: (body) => (body as { data?: { reason?: string } }).data?.reason,
});

describe("minka-ledger response verification against the mock", () => {
  const baseUrl = () => inject("signhubMocks")["minka-ledger"]!;

  test("the page's signed record verifies with the page's system key as the only trusted key", async () => {
    const record = await client(baseUrl(), [PAGE_SYSTEM_KEY]).updateSignerFactor({ params: { path }, body: update });
    expect(record).toEqual(pageRecord("update-signer-factor-200"));
  });

  test("with any other trusted key the same record throws IntegrityError", async () => {
    const error = await client(baseUrl(), [generateKeyPair().publicKey])
      .updateSignerFactor({ params: { path }, body: update })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntegrityError);
    expect(error).toMatchObject({ status: 200, reason: "no proof by a trusted key" });
  });

  test("a signed error body from an untrusted key throws IntegrityError, not the API error", async () => {
    const error = await client(baseUrl(), [generateKeyPair().publicKey])
      .getSignerFactor({ params: { path }, headers: { Prefer: "code=404" } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntegrityError);
    expect(error).toMatchObject({ status: 404 });
  });
});

describe("minka-ledger helpers against the mock", () => {
  const baseUrl = () => inject("signhubMocks")["minka-ledger"]!;

  test("iterateSignerFactors yields the factors of a page shorter than its limit, after one request", async () => {
    const handles: string[] = [];
    for await (const factor of client(baseUrl(), [TEST_SYSTEM_KEY_PAIR.publicKey]).iterateSignerFactors({ params: { path: { signer: path.signer } } })) {
      handles.push(factor.data.handle);
    }
    expect(handles).toEqual(["signing-key", "backup-key"]);
  });

  test("readSystemSignerKeys reads the system signer's key, signed by itself, on a client that trusts no key yet", async () => {
    const bootstrap = createMinkaLedgerClient({ baseUrl: baseUrl(), ledger: "tesla-bank", signer, maxRetries: 0 });
    await expect(bootstrap.readSystemSignerKeys()).resolves.toEqual([TEST_SYSTEM_KEY_PAIR.publicKey]);
  });
});
