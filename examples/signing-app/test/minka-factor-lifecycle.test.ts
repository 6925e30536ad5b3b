import { ConflictError, NotFoundError } from "@signhub/core";
import { createMinkaLedgerClient, generateKeyPair, type LedgerRecord, type Proof, verifyProof, verifyRecord } from "@signhub/minka-ledger";
import { describe, expect, test } from "vitest";
import {
  approveSignerFactor,
  auditSignerFactor,
  createSigningClients,
  enrolSignerFactor,
  listAllSignerFactors,
  reviewSystemKeys,
  rotateSignerFactor,
} from "../src/index.js";
import { type Middleware, preferOn, recordRequests } from "./support/middleware.js";
import { MINKA_MOCK_SYSTEM_KEYS, mockConfig, TEST_SECRETS } from "./support/mocks.js";
import { expectNoSecrets } from "./support/no-secrets.js";

// The spec's TEST examples, which the mock answers with.
const TEST_FACTOR = { luid: "$snf.-01xT3stS1gn1ngK3y", hash: "88dab535bab86ea439bfe70b9a3a8e0af809882d7510e1adcabefb39484a5fe2" };
const ROTATED_HASH = "d95dc15642c679a9d07565cfbb78e2f5fe55862e1d4581aeb211a612a3852b14";
const [PAGE_SYSTEM_KEY, TEST_SYSTEM_KEY] = MINKA_MOCK_SYSTEM_KEYS;

const keyPair = TEST_SECRETS.minkaSigner;

/** The app's Minka client, with test middleware added to what `createSigningClients` configures. */
function minkaWith(...middleware: Middleware[]) {
  return createMinkaLedgerClient({ ...mockConfig().minka, middleware });
}

describe("Minka Ledger: a signer factor enrolled", () => {
  const enrolment = { signer: "tesla-bank-admin", handle: "backup-key", publicKey: generateKeyPair().publicKey, title: "Backup signing key" };

  test("enrolSignerFactor sends the new factor signed by the app's signer and returns the stored factor, verified", async () => {
    const { middleware, sent } = recordRequests();
    const stored = await enrolSignerFactor(minkaWith(middleware), keyPair, enrolment);

    // The spec's TestSignerFactor example, verified against the pinned system keys.
    expect(stored).toMatchObject({ ...TEST_FACTOR, data: { handle: "signing-key" }, meta: { status: "created" } });
    expect(stored.meta.proofs.at(-1)).toMatchObject({ signer: "system", public: TEST_SYSTEM_KEY });

    expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /signers/tesla-bank-admin/factors"]);
    const written = sent[0]!.body as LedgerRecord;
    expect(written.data).toEqual({
      handle: "backup-key",
      signer: "tesla-bank-admin",
      public: enrolment.publicKey,
      format: "ed25519-raw",
      schema: "key-pair",
      custom: { title: "Backup signing key" },
    });
    // A new factor has no parent, and only the app's signer has signed it.
    expect(written.data).not.toHaveProperty("parent");
    expect(verifyRecord(written, { trustedKeys: [keyPair.publicKey] })).toMatchObject({ valid: true });
  });

  test("a handle already enrolled is a ConflictError with record.duplicated, and the signer's secret key shows nowhere", async () => {
    const error = await enrolSignerFactor(minkaWith(preferOn("POST", "/signers/{signer}/factors", "code=409")), keyPair, enrolment).catch(
      (thrown: unknown) => thrown,
    );

    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ status: 409, code: "record.duplicated" });
    expect((error as Error).message).toContain("Signer factor with handle signing-key already exists.");
    expectNoSecrets(error, [keyPair.secretKey]);
  });
});

describe("Minka Ledger: every factor of a signer", () => {
  test("listAllSignerFactors reads the pages with iterateSignerFactors, stopping at a page shorter than its limit", async () => {
    const { middleware, sent } = recordRequests();
    const factors = await listAllSignerFactors(minkaWith(middleware), "tesla-bank-admin");

    expect(factors.map((factor) => [factor.luid, factor.data.handle])).toEqual([
      ["$snf.-01xT3stS1gn1ngK3y", "signing-key"],
      ["$snf.-01xT3stB4ckupK3y0", "backup-key"],
    ]);
    // Two factors on a page of at most 20: one request.
    expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual(["GET /signers/tesla-bank-admin/factors"]);
  });

  test("pageLimit is sent as page.limit, with page.index from 0", async () => {
    const sentUrls: string[] = [];
    const urls: Middleware = {
      onRequest({ request }) {
        sentUrls.push(new URL(request.url).search);
      },
    };
    await listAllSignerFactors(minkaWith(urls), "tesla-bank-admin", { pageLimit: 50 });
    expect(sentUrls).toEqual(["?page.index=0&page.limit=50"]);
  });
});

describe("Minka Ledger: a rotated factor approved, then audited", () => {
  const rotation = { signer: "tesla-bank-admin", factor: "signing-key", publicKey: generateKeyPair().publicKey, title: "Rotated signing key" };

  test("approveSignerFactor adds the app's `active` proof over the version the rotation wrote; auditSignerFactor reads its changes, chained", async () => {
    const { minka } = createSigningClients(mockConfig());
    const { middleware, sent } = recordRequests();
    const recorded = minkaWith(middleware);

    const rotated = await rotateSignerFactor(minka, rotation);
    const approved = await approveSignerFactor(recorded, keyPair, { signer: rotation.signer, version: rotated });
    const audit = await auditSignerFactor(recorded, { signer: rotation.signer, id: rotation.factor });

    // The proof sent: over the rotated version's hash, by the app's key, its status among the signed fields.
    expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST /signers/tesla-bank-admin/factors/${rotated.data.handle}/proofs`,
      "GET /signers/tesla-bank-admin/factors/signing-key/changes",
    ]);
    const proof = sent[0]!.body as Proof;
    expect(proof).toMatchObject({ method: "ed25519-v2", public: keyPair.publicKey, custom: { status: "active" } });
    expect(verifyProof(rotated.hash, proof)).toBe(true);

    // The answers: the spec's TestSignerFactorWithProof and TestSignerFactorChanges examples, verified.
    expect(approved).toMatchObject({ ...TEST_FACTOR, meta: { status: "active" } });
    expect(approved.meta.proofs.at(-1)?.custom).toMatchObject({ status: "active" });
    expect(audit.changes.map((change) => [change.meta.change, change.meta.action, change.hash])).toEqual([
      [2, "update", ROTATED_HASH],
      [1, "create", TEST_FACTOR.hash],
    ]);
    expect(audit.unbroken).toBe(true);
  });

  test("approving a factor the ledger does not know is a NotFoundError with its reason, verified", async () => {
    const { data } = await createSigningClients(mockConfig()).minka.getSignerFactor({ params: { path: { signer: "tesla-bank-admin", id: "signing-key" } } });
    const error = await approveSignerFactor(minkaWith(preferOn("POST", "/signers/{signer}/factors/{id}/proofs", "code=404")), keyPair, {
      signer: "tesla-bank-admin",
      version: { hash: TEST_FACTOR.hash, data },
    }).catch((thrown: unknown) => thrown);

    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ provider: "minka-ledger", status: 404, code: "record.not-found" });
    expectNoSecrets(error, [keyPair.secretKey]);
  });
});

describe("Minka Ledger: the operator reviews the system keys to pin", () => {
  test("reviewSystemKeys prints the announced key as pinned when the app trusts it", async () => {
    const lines: string[] = [];
    const review = await reviewSystemKeys(createSigningClients(mockConfig()).minka, MINKA_MOCK_SYSTEM_KEYS, (line) => lines.push(line));

    expect(review).toEqual({ announced: [TEST_SYSTEM_KEY], pinned: [TEST_SYSTEM_KEY], unpinned: [] });
    expect(lines).toEqual([`already pinned: ${TEST_SYSTEM_KEY}`]);
  });

  test("on a client that trusts no key yet, the announced key is printed as not pinned, for the operator to check", async () => {
    const lines: string[] = [];
    const { trustedKeys: _none, ...bootstrap } = mockConfig().minka;
    const review = await reviewSystemKeys(createMinkaLedgerClient(bootstrap), [PAGE_SYSTEM_KEY], (line) => lines.push(line));

    expect(review).toEqual({ announced: [TEST_SYSTEM_KEY], pinned: [], unpinned: [TEST_SYSTEM_KEY] });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^NOT pinned: ${TEST_SYSTEM_KEY.replace(/[+/]/g, "\\$&")} \\(compare it with the key the ledger's operator gave you`));
  });
});
