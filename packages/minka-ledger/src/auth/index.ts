export { createLedgerJwt } from "./create-ledger-jwt.js";
export { hashLedgerRequest } from "./hash-ledger-request.js";
export type { LedgerJwtOptions, LedgerRequest, LedgerSigner } from "./types.js";
