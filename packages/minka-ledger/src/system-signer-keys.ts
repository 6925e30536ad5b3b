import { IntegrityError } from "@signhub/core";
import type { components } from "./generated/schema.js";
import { verifyRecord } from "./records/verify-record.js";

type SignerRecord = components["schemas"]["SignerRecord"];

/** The call `readSystemSignerKeys` makes, as a Minka Ledger client has it. */
interface SystemSignerCall {
  getSystemSigner(init?: { signal?: AbortSignal }): Promise<SignerRecord>;
}

/**
 * The public keys of the ledger's `system` signer (`GET /signers/system`), to pin as a client's `trustedKeys`.
 * The record must be signed by the key it announces, else `IntegrityError`. That proves the answer is
 * self-consistent, NOT that it came from your ledger: anyone who can answer the request can announce and sign
 * with a key of their own. Trusting keys fetched over the network is the caller's decision: compare them with
 * keys obtained out of band (from the ledger's operator), or fetch them once over a connection you trust and pin
 * them in configuration, rather than on every start.
 */
export async function readSystemSignerKeys(client: SystemSignerCall, init?: { signal?: AbortSignal }): Promise<string[]> {
  const record = await client.getSystemSigner(init);
  const key = record.data?.public;
  if (typeof key !== "string") {
    throw new IntegrityError("Minka Ledger system signer has no public key", { provider: "minka-ledger", reason: "system signer has no data.public" });
  }
  const result = verifyRecord(record, { trustedKeys: [key] });
  if (!result.valid) {
    throw new IntegrityError(`Minka Ledger system signer is not signed by the key it announces: ${result.reason}`, {
      provider: "minka-ledger",
      reason: result.reason,
    });
  }
  return [key];
}
