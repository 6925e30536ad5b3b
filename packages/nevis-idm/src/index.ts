import { bearerAuth, type ClientOptions, createOperations, errorFields, type SignhubClient, type TokenSource } from "@signhub/core";
import { operationTable } from "./generated/operations.js";
import type { paths } from "./generated/schema.js";

export type { components, operations, paths } from "./generated/schema.js";
export { operationTable };

/** Options of `createNevisIdmClient`. */
export interface NevisIdmClientOptions extends ClientOptions {
  /**
   * The deployment's origin: Nevis ID cloud `https://api.{instance}.getnevis.net`, or the host in front of
   * an on-premises nevisIDM. Operation paths already start with `/nevisidm/api`.
   */
  baseUrl: string;
  /** A bearer token, or a function returning one: asked on every request, and again (`forceRefresh`) after a 401. */
  accessToken: TokenSource;
}

/** A client of the nevisIDM REST core API v1: one method per operation, plus `raw`. */
export type NevisIdmClient = SignhubClient<paths, typeof operationTable>;

/** Typed client for the Nevis nevisIDM REST core API v1. */
export function createNevisIdmClient(options: NevisIdmClientOptions): NevisIdmClient {
  const { accessToken, ...rest } = options;
  return createOperations<paths, typeof operationTable>(
    operationTable,
    {
      provider: "nevis-idm",
      title: "Nevis nevisIDM",
      baseUrl: options.baseUrl,
      auth: bearerAuth(accessToken, "nevis-idm"),
      // The error body is not published: read the usual fields when they are there.
      parseError: errorFields({
        code: ["code", "errorCode", "error"],
        message: ["message", "detail", "errorMessage", "error_description", "title"],
      }),
    },
    rest,
  );
}
