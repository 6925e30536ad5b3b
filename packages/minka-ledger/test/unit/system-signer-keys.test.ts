import { IntegrityError } from "@signhub/core";
import { describe, expect, test } from "vitest";
import { type components, createMinkaLedgerClient, createProof, generateKeyPair, hashRecordData, readSystemSignerKeys } from "../../src/index.js";
import { TEST_SYSTEM_KEY_PAIR } from "../fixtures/test-keys.js";

type SignerRecord = components["schemas"]["SignerRecord"];

/** A system signer record announcing `announced`, signed by `signedBy`. */
function systemSigner(announced: string, signedBy = TEST_SYSTEM_KEY_PAIR): SignerRecord {
  const data = { handle: "system", public: announced, format: "ed25519-raw" };
  const hash = hashRecordData(data);
  return { hash, data, meta: { proofs: [{ signer: "system", ...createProof(hash, signedBy, { moment: "2025-04-05T14:30:00.000Z" }) }] } };
}

describe("readSystemSignerKeys", () => {
  test("returns the key the system signer announces when the record is signed by it", async () => {
    const client = { getSystemSigner: async () => systemSigner(TEST_SYSTEM_KEY_PAIR.publicKey) };
    await expect(readSystemSignerKeys(client)).resolves.toEqual([TEST_SYSTEM_KEY_PAIR.publicKey]);
  });

  test("a record signed by another key than the one it announces is an IntegrityError", async () => {
    const client = { getSystemSigner: async () => systemSigner(generateKeyPair().publicKey) };
    const error = await readSystemSignerKeys(client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntegrityError);
    expect(error).toMatchObject({ reason: "no proof by a trusted key" });
  });

  test("a record without a public key is an IntegrityError", async () => {
    const client = { getSystemSigner: async () => ({ ...systemSigner(TEST_SYSTEM_KEY_PAIR.publicKey), data: { handle: "system" } }) };
    await expect(readSystemSignerKeys(client)).rejects.toMatchObject({ name: "IntegrityError", reason: "system signer has no data.public" });
  });

  test("the client's member GETs /signers/system with x-ledger, and the keys it returns verify the ledger's answers", async () => {
    const urls: string[] = [];
    const fetch = async (url: string, init: RequestInit) => {
      urls.push(`${url} ${new Headers(init.headers).get("x-ledger")}`);
      return new Response(JSON.stringify(systemSigner(TEST_SYSTEM_KEY_PAIR.publicKey)), { status: 200, headers: { "content-type": "application/json" } });
    };
    const baseUrl = "https://ledger.bank.test/api/v2";
    const trustedKeys = await createMinkaLedgerClient({ baseUrl, ledger: "tesla-bank", fetch }).readSystemSignerKeys();
    expect(urls).toEqual([`${baseUrl}/signers/system tesla-bank`]);
    const pinned = createMinkaLedgerClient({ baseUrl, ledger: "tesla-bank", fetch, trustedKeys });
    await expect(pinned.getSystemSigner()).resolves.toMatchObject({ data: { public: TEST_SYSTEM_KEY_PAIR.publicKey } });
  });
});
