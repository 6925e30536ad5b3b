import type { components } from "@signhub/ignisign";
import type { IgnisignAppClient } from "./ignisign-signature.js";

type Schemas = components["schemas"];

/** A signer offboarded, with what each step answered. */
export interface OffboardedSigner {
  /** Who was offboarded: name, e-mail, `externalId`, `status` before the revocation. */
  summary: Schemas["IgnisignSigner_Summary"];
  /** The signer's claims and latest signature requests, as they stood before the revocation: kept for the record. */
  details: Schemas["IgnisignSigner_Context"];
  /** The revoked signer's id, as Ignisign answered it. */
  revoked: Schemas["IgnisignSignerIdContainer"];
}

/**
 * Offboards a signer: reads its summary and its details (claims, latest signature requests) for the app's
 * records, then revokes it. A signer Ignisign does not know fails at the first read (`NotFoundError`), before
 * anything is revoked.
 */
export async function offboardSigner(ignisign: IgnisignAppClient, signerId: string): Promise<OffboardedSigner> {
  const path = { signerId };
  const summary = await ignisign.getSignerSummary({ params: { path } });
  const details = await ignisign.getSignerWithDetails({ params: { path } });
  const revoked = await ignisign.revokeSigner({ params: { path } });
  return { summary, details, revoked };
}
