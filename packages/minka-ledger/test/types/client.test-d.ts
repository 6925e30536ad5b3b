import { expectTypeOf, test } from "vitest";
import { type components, createMinkaLedgerClient, type LedgerErrorReason, type VerifyRecordResult } from "../../src/index.js";

const client = createMinkaLedgerClient({ baseUrl: "https://ledger.bank.test/api/v2" });

test("an error body's reason types any string, known or not", () => {
  const known: LedgerErrorReason = "crypto.parent-hash-invalid";
  const unknown: LedgerErrorReason = "ledger.a-reason-from-a-newer-ledger";
  const body: components["schemas"]["LedgerError"]["data"] = { reason: unknown, detail: "d" };
  expectTypeOf(known).toExtend<string>();
  expectTypeOf(body.reason).toExtend<string>();
});

test("paging parameters are typed numbers on listSignerFactors", () => {
  client.listSignerFactors({ params: { path: { signer: "s" }, query: { "page.index": 0, "page.limit": 20 } } });
  // @ts-expect-error page.limit is a number
  client.listSignerFactors({ params: { path: { signer: "s" }, query: { "page.limit": "20" } } });
});

test("iterateSignerFactors yields factor records", () => {
  expectTypeOf(client.iterateSignerFactors({ params: { path: { signer: "s" } } })).toEqualTypeOf<
    AsyncGenerator<components["schemas"]["SignerFactorRecord"], void, undefined>
  >();
});

test("a valid verification says which encoding matched", () => {
  const result = {} as VerifyRecordResult;
  if (result.valid) expectTypeOf(result.encoding).toEqualTypeOf<"rfc8785" | "minka-sdk">();
});

test("addSignerFactorProof takes one proof, readSystemSignerKeys resolves to keys", () => {
  expectTypeOf(client.readSystemSignerKeys()).resolves.toEqualTypeOf<string[]>();
  // @ts-expect-error a proof needs its digest, public key and result
  client.addSignerFactorProof({ params: { path: { signer: "s", id: "f" } }, body: { method: "ed25519-v2" } });
});
