import type { components, PlumeryIdpConnectorClient } from "@signhub/plumery-idp-connector";

/** What the identity provider answers a confirmation with: SUCCESS with the signature, PENDING or FAILED. */
export type CustomSignatureConfirmation = components["schemas"]["CustomSigningConfirmationResponse"];

/** What the user is asked to sign. */
export interface CustomSignatureRequest {
  /** Ties the confirmation to this initiation; a new one per attempt. */
  correlationId: string;
  username: string;
  action: string;
  /** Single-use, so that a signature cannot be replayed. */
  nonce: string;
}

/** Asks the identity provider to have the user sign (answered 204: the user signs on their device). */
export async function startCustomSignature(plumery: PlumeryIdpConnectorClient, request: CustomSignatureRequest): Promise<void> {
  const { correlationId, username, action, nonce } = request;
  await plumery.initiateCustomSignature({ body: { correlationId, signatureContextData: { dataToSign: { username, action, nonce } } } });
}

/** Asks for the outcome of a signature started with the same `correlationId`. Never retried automatically. */
export async function confirmCustomSignature(
  plumery: PlumeryIdpConnectorClient,
  request: Pick<CustomSignatureRequest, "correlationId" | "username">,
): Promise<CustomSignatureConfirmation> {
  return plumery.confirmCustomSigning({ body: { correlationId: request.correlationId, username: request.username } });
}
