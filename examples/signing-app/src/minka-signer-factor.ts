import type { components, MinkaLedgerClient } from "@signhub/minka-ledger";

type SignerFactorRecord = components["schemas"]["SignerFactorRecord"];

/** A signer factor to move to a new key. */
export interface FactorRotation {
  /** The signer the factor belongs to (handle or luid). */
  signer: string;
  /** The factor (handle or luid). */
  factor: string;
  /** The new Ed25519 public key, raw and base64. */
  publicKey: string;
  /** A title for the new version. */
  title: string;
}

/**
 * Rotates a signer factor to a new public key: reads the factor, writes a new version signed by the app's
 * signer and chained to the version read (`data.parent`), reading again if another writer got in first.
 * With the client's `trustedKeys`, every answer is verified before it is returned.
 */
export async function rotateSignerFactor(minka: MinkaLedgerClient, rotation: FactorRotation): Promise<SignerFactorRecord> {
  return minka.changeSignerFactor({
    signer: rotation.signer,
    id: rotation.factor,
    change: (data) => ({
      ...data,
      public: rotation.publicKey,
      format: "ed25519-raw",
      custom: { ...data.custom, title: rotation.title },
    }),
  });
}
