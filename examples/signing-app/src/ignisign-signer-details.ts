import type { components } from "@signhub/ignisign";
import type { IgnisignAppClient } from "./ignisign-signature.js";

type Schemas = components["schemas"];

/** Details to add to a signer, or to correct; Ignisign only adds fields, except `externalId`. */
export type SignerCorrection = Omit<Schemas["IgnisignSigner_UpdateRequestDto"], "signerId">;

/** The signer as Ignisign answered the update, without the `authSecret` the answer also carries. */
export type CorrectedSigner = Omit<Schemas["IgnisignSignerUpdateResponse"], "authSecret">;

/**
 * Corrects a signer's details (`updateSigner`). Ignisign answers with the signer's embedded-signing
 * `authSecret`, which this app does not use: it is dropped here, so that no caller logs or stores it.
 */
export async function correctSignerDetails(ignisign: IgnisignAppClient, signerId: string, correction: SignerCorrection): Promise<CorrectedSigner> {
  const { authSecret: _dropped, ...signer } = await ignisign.updateSigner({ params: { path: { signerId } }, body: { ...correction, signerId } });
  return signer;
}
