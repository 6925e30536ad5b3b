import { type components, createProof, type KeyPair, type MinkaLedgerClient } from "@signhub/minka-ledger";

type SignerFactorRecord = components["schemas"]["SignerFactorRecord"];

/**
 * Approves a signer factor's current version, for instance the one `rotateSignerFactor` just wrote: a proof by
 * the app's own ledger signer (`keyPair`) over the version's `hash`, with `status: "active"` among its signed
 * fields, added with `addSignerFactorProof`. Resolves to the factor with the proof, verified against the
 * client's `trustedKeys`. Never retried automatically (a repeat could store the proof twice).
 */
export async function approveSignerFactor(
  minka: MinkaLedgerClient,
  keyPair: KeyPair,
  factor: { signer: string; version: Pick<SignerFactorRecord, "hash" | "data"> },
): Promise<SignerFactorRecord> {
  const proof = createProof(factor.version.hash, keyPair, { moment: new Date().toISOString(), status: "active" });
  return minka.addSignerFactorProof({ params: { path: { signer: factor.signer, id: factor.version.data.handle } }, body: proof });
}
