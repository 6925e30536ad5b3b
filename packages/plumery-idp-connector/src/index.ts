import { bearerAuth, type ClientOptions, createOperations, errorFields, type SignhubClient, type TokenSource } from "@signhub/core";
import { operationTable } from "./generated/operations.js";
import type { paths } from "./generated/schema.js";

export type { components, operations, paths } from "./generated/schema.js";
export { operationTable };

/** Options of `createPlumeryIdpConnectorClient`. */
export interface PlumeryIdpConnectorClientOptions extends ClientOptions {
  /** The connector service's base URL (deployment-specific; none is published). */
  baseUrl: string;
  /**
   * A bearer token (or a function returning one), if your deployment protects the connector with one.
   * Plumery publishes no auth scheme for these endpoints; use `headers` for any other scheme.
   */
  accessToken?: TokenSource;
}

/** A client of a Plumery identity-provider connector: one method per operation, plus `raw`. */
export type PlumeryIdpConnectorClient = SignhubClient<paths, typeof operationTable>;

/** Typed client for the Plumery identity-provider connector API (`/internal/v1/custom-auth…`: custom signing and login). */
export function createPlumeryIdpConnectorClient(options: PlumeryIdpConnectorClientOptions): PlumeryIdpConnectorClient {
  const { accessToken, ...rest } = options;
  return createOperations<paths, typeof operationTable>(
    operationTable,
    {
      provider: "plumery-idp-connector",
      title: "Plumery connector",
      baseUrl: options.baseUrl,
      auth: accessToken === undefined ? undefined : bearerAuth(accessToken, "plumery-idp-connector"),
      // 400 and 500 answer { error, code }; `error` is the text shown to the user.
      parseError: errorFields({ code: "code", message: "error" }),
    },
    rest,
  );
}
