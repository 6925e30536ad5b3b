import { bearerAuth, type ClientOptions, createOperations, type OperationMethods, type SignhubClient } from "@signhub/core";
import type { Client } from "openapi-fetch";
import {
  appOfApiKey,
  fillAppParams,
  type IgnisignAppApiKey,
  type IgnisignAppEnv,
  type IgnisignAppParam,
  type KnownAppParams,
  type WithAppDefaults,
} from "./application.js";
import { parseIgnisignError } from "./errors.js";
import { operationTable } from "./generated/operations.js";
import type { paths } from "./generated/schema.js";

export {
  appOfApiKey,
  type IgnisignApp,
  type IgnisignAppApiKey,
  type IgnisignAppEnv,
  type IgnisignAppParam,
  isIgnisignAppApiKey,
  type KnownAppParams,
  type WithAppDefaults,
} from "./application.js";
export { parseIgnisignError } from "./errors.js";
export type { components, operations, paths } from "./generated/schema.js";
export { operationTable };

/** Options of `createIgnisignClient`. */
export interface IgnisignClientOptions extends ClientOptions {
  // `IgnisignAppApiKey` keeps a key written as a literal from widening, so that its application is typed as known.
  /** The application's API key for one environment (`skv2_…`), sent as `Authorization: Bearer`. */
  apiKey: IgnisignAppApiKey | (string & {});
  /**
   * The application every call is for, unless a call passes its own `appId`.
   * @default the one an `skv2_<env>_<app>_<secret>` key names, as Ignisign's SDK reads it; else none
   */
  appId?: string;
  /**
   * The environment every call is for, unless a call passes its own `appEnv`.
   * @default the one an `skv2_<env>_<app>_<secret>` key names, as Ignisign's SDK reads it; else none
   */
  appEnv?: IgnisignAppEnv;
}

/**
 * A client of the Ignisign API v4: one method per operation, plus `raw`. `Known` are the path parameters
 * (`appId`, `appEnv`) the client fills in, which a call may then leave out; `raw` always takes them all.
 */
export type IgnisignClient<Known extends IgnisignAppParam = never> = [Known] extends [never]
  ? SignhubClient<paths, typeof operationTable>
  : OperationMethods<WithAppDefaults<paths, Known>, typeof operationTable> & {
      /** The underlying openapi-fetch client, with the same auth, retries, timeouts and request ids; it fills in no path parameter. */
      readonly raw: Client<paths>;
    };

/** Typed client for the Ignisign API v4 (e-signature). */
export function createIgnisignClient<O extends IgnisignClientOptions>(options: O): IgnisignClient<KnownAppParams<O>> {
  const { apiKey, appId, appEnv, ...rest } = options;
  const client = createOperations<paths, typeof operationTable>(
    operationTable,
    {
      provider: "ignisign",
      title: "Ignisign",
      // One host for every environment; the `appEnv` path segment picks the environment.
      baseUrl: "https://api.ignisign.io",
      auth: bearerAuth(apiKey, "ignisign"),
      // { message, timestamp, status, code, context }, `message` sometimes a list.
      parseError: parseIgnisignError,
    },
    rest,
  );
  const ofKey = appOfApiKey(apiKey);
  return fillAppParams(client, operationTable, { appId: appId ?? ofKey?.appId, appEnv: appEnv ?? ofKey?.appEnv }) as IgnisignClient<KnownAppParams<O>>;
}
