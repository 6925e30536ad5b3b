import { afterEach, expect, test } from "vitest";
import { type components, createMinkaLedgerClient, generateKeyPair, ParentHashConflictError, verifyRecord } from "../../src/index.js";
import { TEST_SIGNER_HANDLE, TEST_SIGNER_KEY_PAIR, TEST_SYSTEM_KEY_PAIR } from "../fixtures/test-keys.js";
import { fakeLedger } from "./fake-ledger.js";

const signer = { handle: TEST_SIGNER_HANDLE, ...TEST_SIGNER_KEY_PAIR };
const factor = { handle: "signing-key", schema: "key-pair", format: "ed25519-raw", signer: "tesla-bank-admin", custom: { title: "v1" } };
let ledger: Awaited<ReturnType<typeof fakeLedger>>;
afterEach(() => ledger.close());

const client = () => createMinkaLedgerClient({ baseUrl: ledger.baseUrl, ledger: "tesla-bank", signer, trustedKeys: [TEST_SYSTEM_KEY_PAIR.publicKey] });
const retitle = (title: string) => ({
  signer: "tesla-bank-admin",
  id: "signing-key",
  change: (data: components["schemas"]["SignerFactorData"]) => ({ ...data, custom: { ...data.custom, title } }),
});

test("writes the change with the current hash as parent, signed by the client's signer", async () => {
  ledger = await fakeLedger(factor);
  const before = ledger.current().hash;
  const written = await client().changeSignerFactor(retitle("v2"));
  expect(written.data).toMatchObject({ custom: { title: "v2" }, parent: before });
  expect(ledger.writes).toEqual([{ parent: before, accepted: true }]);
  expect(written.meta.proofs[0]!.public).toBe(TEST_SIGNER_KEY_PAIR.publicKey);
  expect(verifyRecord(written, { trustedKeys: [TEST_SIGNER_KEY_PAIR.publicKey] }).valid).toBe(true);
});

test("when another writer changes the factor between read and write, re-reads and tries again", async () => {
  // Someone else writes right after our first read.
  ledger = await fakeLedger(factor, (read) => read === 1);
  const written = await client().changeSignerFactor(retitle("v2"));
  expect(ledger.writes.map((w) => w.accepted)).toEqual([false, true]);
  // The other writer's change is kept: ours was applied on top of what we read the second time.
  expect(written.data.custom).toEqual({ by: "someone else", at: 1, title: "v2" });
  expect(ledger.current().hash).toBe(written.hash);
});

test("gives up after maxAttempts with ParentHashConflictError carrying both hashes", async () => {
  // Someone else writes after each of our two reads, never after the final one.
  ledger = await fakeLedger(factor, (read) => read <= 2);
  const error = await client()
    .changeSignerFactor({ ...retitle("v2"), maxAttempts: 2 })
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ParentHashConflictError);
  const conflict = error as ParentHashConflictError;
  expect(ledger.writes).toHaveLength(2);
  expect(conflict.sentParent).toBe(ledger.writes[1]!.parent);
  expect(conflict.currentHash).toBe(ledger.current().hash);
  expect(conflict.currentHash).not.toBe(conflict.sentParent);
  expect(conflict).toMatchObject({ status: 422, code: "crypto.parent-hash-invalid", attempts: 2, name: "ParentHashConflictError" });
});

test("rotating a factor's key: pin the system key the ledger serves, then change the factor with every answer verified", async () => {
  ledger = await fakeLedger({ ...factor, public: TEST_SIGNER_KEY_PAIR.publicKey });
  // Bootstrap once, on a connection the operator trusts: the ledger's system key, self-signed.
  const trustedKeys = await createMinkaLedgerClient({ baseUrl: ledger.baseUrl, ledger: "tesla-bank" }).readSystemSignerKeys();
  expect(trustedKeys).toEqual([TEST_SYSTEM_KEY_PAIR.publicKey]);

  const next = generateKeyPair();
  const client = createMinkaLedgerClient({ baseUrl: ledger.baseUrl, ledger: "tesla-bank", signer, trustedKeys });
  const rotated = await client.changeSignerFactor({
    signer: "tesla-bank-admin",
    id: "signing-key",
    change: (data) => ({ ...data, public: next.publicKey, custom: { ...data.custom, title: "rotated" } }),
  });
  expect(rotated.data).toMatchObject({ public: next.publicKey, custom: { title: "rotated" } });
  expect(verifyRecord(rotated, { trustedKeys })).toEqual({ valid: true, encoding: "rfc8785" });
  expect(ledger.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
    "GET /v2/signers/system",
    "GET /v2/signers/tesla-bank-admin/factors/signing-key",
    "PUT /v2/signers/tesla-bank-admin/factors/signing-key",
  ]);
});

test("with trustedKeys that are not the ledger's, the first read fails and nothing is written", async () => {
  ledger = await fakeLedger(factor);
  const client = createMinkaLedgerClient({ baseUrl: ledger.baseUrl, ledger: "tesla-bank", signer, trustedKeys: [generateKeyPair().publicKey] });
  await expect(client.changeSignerFactor(retitle("v2"))).rejects.toMatchObject({ name: "IntegrityError", reason: "no proof by a trusted key" });
  expect(ledger.writes).toEqual([]);
});
