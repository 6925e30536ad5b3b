import { IntegrityError } from "@signhub/core";
import { verifyRecord } from "./records/verify-record.js";

/**
 * Checks that every body the ledger sends — success or error — is a record signed by one of
 * `trustedKeys` (the ledger `system` signer's public keys), and throws `IntegrityError` otherwise.
 */
export function verifyLedgerResponses(trustedKeys: readonly string[]) {
  const trusted = new Set(trustedKeys);
  return (body: unknown, { status, operationId, requestId }: { status: number; operationId: string; requestId: string | undefined }) => {
    const result = body === undefined ? { valid: false, reason: "body is not JSON" } : verifyRecord(body, { trustedKeys: trusted });
    if (!result.valid) {
      throw new IntegrityError(`Minka Ledger ${status} response to ${operationId} failed verification: ${result.reason}`, {
        provider: "minka-ledger",
        requestId,
        status,
        reason: result.reason!,
      });
    }
  };
}
