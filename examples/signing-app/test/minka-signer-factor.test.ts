import { IntegrityError, NotFoundError } from "@signhub/core";
import { createMinkaLedgerClient, generateKeyPair, type LedgerRecord, ParentHashConflictError, verifyRecord } from "@signhub/minka-ledger";
import { describe, expect, test } from "vitest";
import { createSigningClients, rotateSignerFactor } from "../src/index.js";
import { type Middleware, preferOn, recordRequests } from "./support/middleware.js";
import { MINKA_MOCK_SYSTEM_KEYS, mockConfig, TEST_SECRETS } from "./support/mocks.js";
import { expectNoSecrets } from "./support/no-secrets.js";

const FACTOR_PATH = "/signers/{signer}/factors/{id}";
// The hash of the factor the mock answers `getSignerFactor` with (the spec's TestSignerFactor example).
const CURRENT_HASH = "88dab535bab86ea439bfe70b9a3a8e0af809882d7510e1adcabefb39484a5fe2";

const newKey = generateKeyPair().publicKey;
const rotation = { signer: "tesla-bank-admin", factor: "signing-key", publicKey: newKey, title: "Rotated signing key" };

/** The app's Minka client, with test middleware added to what `createSigningClients` configures. */
function minkaWith(...middleware: Middleware[]) {
  return createMinkaLedgerClient({ ...mockConfig().minka, middleware });
}

describe("Minka Ledger: a signer factor rotated to a new key", () => {
  test("rotateSignerFactor writes a new version signed by the app and chained to the version read, and returns the verified answer", async () => {
    const { middleware, sent } = recordRequests();
    const stored = await rotateSignerFactor(minkaWith(middleware), rotation);

    // The answer is the spec's UpdatedSignerFactor example, verified against the pinned system keys.
    expect(stored).toMatchObject({
      luid: "$snf.-01xK1rTtU2dS4wX3",
      hash: "a3ea08b8ae78413c3e211b783bc5f124042698064e455cae87d9e17ae8d06003",
      data: {
        handle: "signing-key",
        parent: "82baa21c2f24351786a768bb66bf258cbbee9092f53549810ac2e9fdec809036",
        custom: { title: "Admin primary signing key" },
      },
      meta: { status: "created" },
    });
    expect(stored.meta.proofs.map((proof) => proof.signer)).toEqual(["tesla-bank-admin", "system"]);

    // What the app sent: a read, then the new version of what it read.
    expect(sent.map((request) => `${request.method} ${request.schemaPath}`)).toEqual([`GET ${FACTOR_PATH}`, `PUT ${FACTOR_PATH}`]);
    const written = sent[1]!.body as LedgerRecord & { luid: string };
    expect(written.luid).toBe("$snf.-01xT3stS1gn1ngK3y");
    expect(written.data).toMatchObject({
      handle: "signing-key",
      parent: CURRENT_HASH,
      public: newKey,
      format: "ed25519-raw",
      custom: { title: "Rotated signing key" },
    });
    expect(verifyRecord(written, { trustedKeys: [TEST_SECRETS.minkaSigner.publicKey] })).toMatchObject({ valid: true });
  });

  test("an unknown factor is a NotFoundError with the ledger's reason, verified, and the signer's secret key shows nowhere", async () => {
    const { minka } = createSigningClients(mockConfig());
    const error = await minka
      .getSignerFactor({ params: { path: { signer: "tesla-bank-admin", id: "no-such-key" } }, headers: { Prefer: "code=404" } })
      .catch((thrown: unknown) => thrown);

    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ provider: "minka-ledger", status: 404, code: "record.not-found" });
    expect((error as Error).message).toBe("Minka Ledger 404 record.not-found on GET /signers/{signer}/factors/{id}: Signer not found");
    expectNoSecrets(error, [TEST_SECRETS.minkaSigner.secretKey]);
  });

  test("when every write meets a newer version (422 crypto.parent-hash-invalid), the rotation gives up with ParentHashConflictError", async () => {
    const { middleware, sent } = recordRequests();
    const error = await rotateSignerFactor(minkaWith(preferOn("PUT", FACTOR_PATH, "code=422"), middleware), rotation).catch((thrown: unknown) => thrown);

    expect(error).toBeInstanceOf(ParentHashConflictError);
    expect(error).toMatchObject({ status: 422, code: "crypto.parent-hash-invalid", attempts: 3, sentParent: CURRENT_HASH, currentHash: CURRENT_HASH });
    // Three rounds of read and write, then one last read for the current hash.
    expect(sent.map((request) => request.method)).toEqual(["GET", "PUT", "GET", "PUT", "GET", "PUT", "GET"]);
  });

  test("an answer signed by a key the app does not trust is an IntegrityError, not a result", async () => {
    // The mock's GET /signers/system announces the TEST key only, while updateSignerFactor's example is signed by
    // the other key: trusting what the mock announces is not enough to verify its answers.
    const announced = await createMinkaLedgerClient({ baseUrl: mockConfig().minka.baseUrl, ledger: "tesla-bank" }).readSystemSignerKeys();
    expect(announced).toEqual([MINKA_MOCK_SYSTEM_KEYS[1]]);

    const error = await rotateSignerFactor(createMinkaLedgerClient({ ...mockConfig().minka, trustedKeys: announced }), rotation).catch(
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(IntegrityError);
    expect(error).toMatchObject({ status: 200 });
  });
});
