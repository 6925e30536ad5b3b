export { createSigningClients, type SigningAppConfig, type SigningClients } from "./clients.js";
export {
  fetchSignedDocument,
  sendForSignature,
  type IgnisignAppClient,
  type SentSignatureRequest,
  type SignatureOutcome,
  type SignatureRequestInput,
} from "./ignisign-signature.js";
export { rotateSignerFactor, type FactorRotation } from "./minka-signer-factor.js";
export {
  provisionMobileSignature,
  removeMobileSignature,
  type MobilePhone,
  type NevisUser,
  type ProvisionedMobileSignature,
} from "./nevis-mobile-signature.js";
export {
  confirmCustomSignature,
  startCustomSignature,
  type CustomSignatureConfirmation,
  type CustomSignatureRequest,
} from "./plumery-custom-signature.js";
