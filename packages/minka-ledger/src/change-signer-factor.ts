import { isApiError } from "@signhub/core";
import type { components } from "./generated/schema.js";
import { ParentHashConflictError } from "./parent-conflict.js";
import { signRecord } from "./records/sign-record.js";
import type { KeyPair } from "./records/types.js";

type SignerFactorData = components["schemas"]["SignerFactorData"];
type SignerFactorRecord = components["schemas"]["SignerFactorRecord"];

/** The two calls `changeSignerFactor` makes, as a Minka Ledger client has them. */
interface FactorCalls {
  getSignerFactor(init: { params: { path: { signer: string; id: string } } }): Promise<SignerFactorRecord>;
  updateSignerFactor(init: {
    params: { path: { signer: string; id: string } };
    body: components["schemas"]["SignerFactorUpdateRequest"];
  }): Promise<SignerFactorRecord>;
}

/** What `changeSignerFactor` takes. */
export interface ChangeSignerFactor {
  /** The signer the factor belongs to (handle or luid). */
  signer: string;
  /** The factor (handle or luid). */
  id: string;
  /** The change: the factor's current data in (a copy), the new data out. `parent` is set for you. */
  change: (current: SignerFactorData) => SignerFactorData | Promise<SignerFactorData>;
  /**
   * How many read-change-write rounds to try when another writer gets in first.
   * @default 3
   */
  maxAttempts?: number;
}

const PARENT_HASH_INVALID = "crypto.parent-hash-invalid";

/**
 * Reads the factor (verified when the client has `trustedKeys`), applies `change`, sets `data.parent` to the
 * hash just read, signs and PUTs it. When the ledger answers that the parent is no longer current (422
 * `crypto.parent-hash-invalid`), it reads again and retries, up to `maxAttempts`, then throws
 * `ParentHashConflictError` with the hash it sent and the current one.
 */
export async function changeSignerFactor(client: FactorCalls, keyPair: KeyPair, request: ChangeSignerFactor): Promise<SignerFactorRecord> {
  const { signer, id, change, maxAttempts = 3 } = request;
  const path = { signer, id };
  let lastError: unknown;
  let sentParent = "";
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const current = await client.getSignerFactor({ params: { path } });
    sentParent = current.hash;
    const data = { ...(await change(structuredClone(current.data))), parent: current.hash };
    const record = signRecord(data, keyPair, { moment: new Date().toISOString() });
    try {
      return await client.updateSignerFactor({
        params: { path },
        body: { ...(current.luid === undefined ? {} : { luid: current.luid }), ...record },
      });
    } catch (error) {
      if (!(isApiError(error) && error.status === 422 && error.code === PARENT_HASH_INVALID)) throw error;
      lastError = error;
    }
  }
  const latest = await client.getSignerFactor({ params: { path } }).catch(() => undefined);
  throw new ParentHashConflictError(
    `Minka Ledger signer factor ${signer}/${id} changed under ${maxAttempts} attempts: sent parent ${sentParent}, current ${latest?.hash ?? "unknown"}`,
    {
      provider: "minka-ledger",
      status: 422,
      code: PARENT_HASH_INVALID,
      method: "PUT",
      path: "/signers/{signer}/factors/{id}",
      sentParent,
      currentHash: latest?.hash,
      attempts: maxAttempts,
      cause: lastError,
    },
  );
}
