import { bearerAuth, createOperations, errorFields, type ClientOptions, type SignhubClient } from "@signhub/core";
import { operationTable } from "./generated/operations.js";
import type { paths } from "./generated/schema.js";

export type { components, operations, paths } from "./generated/schema.js";
export { operationTable };

/** Options of `createIgnisignClient`. */
export interface IgnisignClientOptions extends ClientOptions {
  /** The application's API key for one environment (`skv2_…`), sent as `Authorization: Bearer`. */
  apiKey: string;
}

/** A client of the Ignisign API v4: one method per operation, plus `raw`. */
export type IgnisignClient = SignhubClient<paths, typeof operationTable>;

/** Typed client for the Ignisign API v4 (e-signature). */
export function createIgnisignClient(options: IgnisignClientOptions): IgnisignClient {
  const { apiKey, ...rest } = options;
  return createOperations<paths, typeof operationTable>(
    operationTable,
    {
      provider: "ignisign",
      title: "Ignisign",
      // One host for every environment; the `appEnv` path segment picks the environment.
      baseUrl: "https://api.ignisign.io",
      auth: bearerAuth(apiKey, "ignisign"),
      // Every error status answers { message, timestamp, status, code, context }.
      parseError: errorFields({ code: "code", message: "message" }),
    },
    rest,
  );
}
