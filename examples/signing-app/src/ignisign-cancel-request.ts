import type { components } from "@signhub/ignisign";
import type { IgnisignAppClient } from "./ignisign-signature.js";

/**
 * Cancels a signature request: closing it is how Ignisign's API cancels one. Resolves to Ignisign's answer, the closed
 * request's id. A request Ignisign will not close (for instance one already done) is a `BadRequestError` with its code.
 */
export async function cancelSignatureRequest(
  ignisign: IgnisignAppClient,
  signatureRequestId: string,
): Promise<components["schemas"]["IgnisignSignatureRequest_IdContainer"]> {
  return ignisign.closeSignatureRequest({ params: { path: { signatureRequestId } } });
}
