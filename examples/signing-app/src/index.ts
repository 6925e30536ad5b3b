export { createSigningClients, type SigningAppConfig, type SigningClients } from "./clients.js";
export {
  fetchSignedDocument,
  type IgnisignAppClient,
  type SentSignatureRequest,
  type SignatureOutcome,
  type SignatureRequestInput,
  sendForSignature,
} from "./ignisign-signature.js";
export { type FactorRotation, rotateSignerFactor } from "./minka-signer-factor.js";
export {
  type MobilePhone,
  type NevisUser,
  type ProvisionedMobileSignature,
  provisionMobileSignature,
  removeMobileSignature,
} from "./nevis-mobile-signature.js";
export {
  type CustomSignatureConfirmation,
  type CustomSignatureRequest,
  confirmCustomSignature,
  startCustomSignature,
} from "./plumery-custom-signature.js";
