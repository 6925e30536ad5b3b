import { bearerAuth, type ClientOptions, createOperations, errorFields, type OperationInit, type SignhubClient, type TokenSource } from "@signhub/core";
import { mergeHeaders } from "openapi-fetch";
import type { LedgerJwtOptions, LedgerSigner } from "./auth/types.js";
import { type ChangeSignerFactor, changeSignerFactor } from "./change-signer-factor.js";
import { operationTable } from "./generated/operations.js";
import type { components, paths } from "./generated/schema.js";
import { type IterateLedgerListOptions, iterateLedgerList } from "./iterate-ledger-list.js";
import { ledgerSignerAuth } from "./signer-auth.js";
import { readSystemSignerKeys } from "./system-signer-keys.js";
import { verifyLedgerResponses } from "./verify-responses.js";

export * from "./auth/index.js";
export type { ChangeSignerFactor } from "./change-signer-factor.js";
export type { components, operations, paths } from "./generated/schema.js";
export {
  type IterateLedgerListOptions,
  iterateLedgerList,
  type LedgerListPage,
  type LedgerPageRequest,
  LedgerPagingError,
} from "./iterate-ledger-list.js";
export { ParentHashConflictError } from "./parent-conflict.js";
export * from "./records/index.js";
export { ledgerSignerAuth } from "./signer-auth.js";
export { readSystemSignerKeys } from "./system-signer-keys.js";
export { verifyLedgerResponses } from "./verify-responses.js";
export { operationTable };

/**
 * A reason in the ledger's error body (`error.code`): one of the known ones, or any other string, as the ledger
 * and its SDK add reasons over time.
 */
export type LedgerErrorReason = components["schemas"]["KnownLedgerErrorReason"] | (string & {});

type ListSignerFactorsInit = OperationInit<paths, (typeof operationTable)["listSignerFactors"]>;
type SignerFactorRecord = components["schemas"]["SignerFactorRecord"];

/** Options of `createMinkaLedgerClient`. */
export interface MinkaLedgerClientOptions extends ClientOptions {
  /** The ledger API's base URL: `https://<ledger-host>/api/v2` for a hosted ledger (the docs run one at `http://localhost:3000/v2`). */
  baseUrl: string;
  /** The ledger's handle: sent as `x-ledger` on every request, and the audience of signed tokens. */
  ledger?: string;
  /** Signs a short-lived EdDSA JWT for each request (`Authorization: Bearer`), and the records `changeSignerFactor` writes. */
  signer?: LedgerSigner;
  /** Lifetime, audience and subject of the signed tokens. */
  jwt?: LedgerJwtOptions;
  /** A bearer token to send instead of a signed one. */
  accessToken?: TokenSource;
  /**
   * Public keys (base64, raw Ed25519) of the ledger's `system` signer, served at `GET /signers/system`. With
   * them, every response and error body is verified before it is returned or thrown, and one that fails
   * throws `IntegrityError`. Without them, responses are NOT verified.
   */
  trustedKeys?: readonly string[];
}

/**
 * A client of the Minka Ledger API v2: one method per operation, `raw`, `changeSignerFactor`,
 * `iterateSignerFactors` and `readSystemSignerKeys`.
 */
export type MinkaLedgerClient = SignhubClient<paths, typeof operationTable> & {
  /** Read, change, sign and write a signer factor, retrying when another writer changed it first. Needs `signer`. */
  changeSignerFactor(request: ChangeSignerFactor): ReturnType<typeof changeSignerFactor>;
  /** Every factor of a signer, page after page of `listSignerFactors` (each page verified like any answer). */
  iterateSignerFactors(init: ListSignerFactorsInit, options?: IterateLedgerListOptions): AsyncGenerator<SignerFactorRecord, void, undefined>;
  /**
   * The `system` signer's public keys (`GET /signers/system`), self-signature checked, to pin as `trustedKeys`.
   * Trusting keys fetched over the network is your decision: see `readSystemSignerKeys`.
   */
  readSystemSignerKeys(init?: { signal?: AbortSignal }): Promise<string[]>;
};

/** Typed client for the Minka Ledger API v2, signing its requests and verifying the ledger's signed answers. */
export function createMinkaLedgerClient(options: MinkaLedgerClientOptions): MinkaLedgerClient {
  const { ledger, signer, jwt, accessToken, trustedKeys, headers, ...rest } = options;
  const client = createOperations<paths, typeof operationTable>(
    operationTable,
    {
      provider: "minka-ledger",
      title: "Minka Ledger",
      baseUrl: options.baseUrl,
      auth: signer ? ledgerSignerAuth(signer, { ...jwt, ledger }) : accessToken === undefined ? undefined : bearerAuth(accessToken, "minka-ledger"),
      // Error bodies are signed records: { hash, data: { reason, detail, custom? }, meta: { proofs } }.
      parseError: errorFields({ code: "data.reason", message: "data.detail" }),
      verifyBody: trustedKeys ? verifyLedgerResponses(trustedKeys) : undefined,
    },
    { ...rest, headers: ledger === undefined ? headers : mergeHeaders(headers, { "x-ledger": ledger }) },
  );
  return Object.assign(client, {
    changeSignerFactor(request: ChangeSignerFactor) {
      if (!signer) throw new TypeError("changeSignerFactor needs the client's `signer` to sign the new version");
      return changeSignerFactor(client, signer, request);
    },
    iterateSignerFactors(init: ListSignerFactorsInit, iterateOptions?: IterateLedgerListOptions) {
      return iterateLedgerList(
        ({ index, limit }) =>
          client.listSignerFactors({
            ...init,
            params: { ...init.params, query: { ...init.params.query, "page.index": index, "page.limit": limit } },
          }),
        iterateOptions,
      );
    },
    readSystemSignerKeys(init?: { signal?: AbortSignal }) {
      return readSystemSignerKeys(client, init);
    },
  });
}
