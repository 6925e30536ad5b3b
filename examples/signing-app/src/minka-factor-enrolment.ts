import { type components, type KeyPair, type MinkaLedgerClient, signRecord } from "@signhub/minka-ledger";

type SignerFactorRecord = components["schemas"]["SignerFactorRecord"];

/** A new key to enrol as a factor of a signer. */
export interface FactorEnrolment {
  /** The signer the factor is for (handle). */
  signer: string;
  /** The factor's handle: unique, so that enrolling it twice is refused (409, `record.duplicated`). */
  handle: string;
  /** The Ed25519 public key, raw and base64. */
  publicKey: string;
  title: string;
}

/**
 * Enrols a key as a new factor of a signer: the factor's data, signed by the app's own ledger signer
 * (`keyPair`, the `signer` the client is configured with), then `createSignerFactor`. Resolves to the stored
 * factor, verified against the client's `trustedKeys`.
 */
export async function enrolSignerFactor(minka: MinkaLedgerClient, keyPair: KeyPair, enrolment: FactorEnrolment): Promise<SignerFactorRecord> {
  const data = {
    handle: enrolment.handle,
    signer: enrolment.signer,
    public: enrolment.publicKey,
    format: "ed25519-raw",
    schema: "key-pair",
    custom: { title: enrolment.title },
  };
  return minka.createSignerFactor({
    params: { path: { signer: enrolment.signer } },
    body: signRecord(data, keyPair, { moment: new Date().toISOString() }),
  });
}
