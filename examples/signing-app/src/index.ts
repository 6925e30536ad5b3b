export { createSigningClients, type SigningAppConfig, type SigningClients } from "./clients.js";
export { cancelSignatureRequest } from "./ignisign-cancel-request.js";
export { type OffboardedSigner, offboardSigner } from "./ignisign-offboarding.js";
export { FINISHED_STATUSES, readSignatureRequestStatuses, type SignatureRequestStatuses } from "./ignisign-request-statuses.js";
export {
  fetchSignedDocument,
  type IgnisignAppClient,
  type SentSignatureRequest,
  type SignatureOutcome,
  type SignatureRequestInput,
  sendForSignature,
} from "./ignisign-signature.js";
export { type CorrectedSigner, correctSignerDetails, type SignerCorrection } from "./ignisign-signer-details.js";
export { type RotatedSignerSecret, rotateSignerAuthSecret, type SignerSecretStore } from "./ignisign-signer-secret.js";
export { approveSignerFactor } from "./minka-factor-approval.js";
export { auditSignerFactor, type FactorAudit } from "./minka-factor-audit.js";
export { enrolSignerFactor, type FactorEnrolment } from "./minka-factor-enrolment.js";
export { type FactorRotation, rotateSignerFactor } from "./minka-signer-factor.js";
export { listAllSignerFactors } from "./minka-signer-factors.js";
export { reviewSystemKeys, type SystemKeyReview } from "./minka-system-keys.js";
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
export { type LoginOutcome, LoginTimeoutError, startLogin, type WaitForLoginOptions, waitForLogin } from "./plumery-login.js";
