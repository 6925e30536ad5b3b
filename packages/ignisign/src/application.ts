import type { OperationTable } from "@signhub/core";
import type { components } from "./generated/schema.js";

/** An Ignisign environment: `DEVELOPMENT`, `STAGING` or `PRODUCTION`. */
export type IgnisignAppEnv = components["schemas"]["IgnisignApplicationEnv"];

/** The path parameters a client may fill in for every call: the application and its environment. */
export type IgnisignAppParam = "appId" | "appEnv";

/**
 * An API key of the form Ignisign's SDK reads the application from: `skv2_<env>_<app>_<secret>`, the
 * environment in lower case and the application id without its `appId_` prefix.
 */
export type IgnisignAppApiKey = `skv2_${Lowercase<IgnisignAppEnv>}_${string}_${string}`;

/** The application and environment a client calls, as far as it knows them. */
export interface IgnisignApp {
  appId?: string | undefined;
  appEnv?: IgnisignAppEnv | undefined;
}

const APP_ENVS: readonly IgnisignAppEnv[] = ["DEVELOPMENT", "STAGING", "PRODUCTION"];

/**
 * The application and environment an API key names, read as Ignisign's SDK reads them, or `undefined` for a
 * key of another form (a key without a known environment, application or secret part).
 */
export function appOfApiKey(apiKey: string): { appId: string; appEnv: IgnisignAppEnv } | undefined {
  // @ignisign/sdk 4.2.1, src/ignisign-sdk-utils.service.ts, exportAppIdAndEnv:
  // `const [sk, appEnvLowerCase, appIdWithoutPrefix, secretEnd] = apiKey.split('_')`, then
  // appEnv = appEnvLowerCase.toUpperCase() and appId = `appId_${appIdWithoutPrefix}`.
  const [prefix, env, app, secret] = apiKey.split("_");
  if (prefix !== "skv2" || !app || !secret) return undefined;
  const appEnv = APP_ENVS.find((candidate) => candidate.toLowerCase() === env);
  return appEnv === undefined ? undefined : { appId: `appId_${app}`, appEnv };
}

/** Whether an API key names its application and environment (`skv2_<env>_<app>_<secret>`). */
export function isIgnisignAppApiKey(apiKey: string): apiKey is IgnisignAppApiKey {
  return appOfApiKey(apiKey) !== undefined;
}

type Method = ((init?: Record<string, unknown>) => Promise<unknown>) & {
  withResponse(init?: Record<string, unknown>): Promise<unknown>;
};

/**
 * Replaces, on `client`, the method of each operation with an `appId` or `appEnv` path parameter by one that
 * fills in the client's value where a call leaves it out (`undefined` included), leaving a call's own
 * values as they are. Operations without those parameters, and `raw`, are untouched.
 */
export function fillAppParams<Client extends object>(client: Client, operations: OperationTable, app: IgnisignApp): Client {
  const defaults = Object.entries(app).filter((entry): entry is [IgnisignAppParam, string] => entry[1] !== undefined);
  if (defaults.length === 0) return client;
  const methods = client as unknown as Record<string, Method>;
  for (const [operationId, spec] of Object.entries(operations)) {
    const names = new Set(spec.parameters?.filter((p) => p.in === "path").map((p) => p.name));
    const filled = defaults.filter(([name]) => names.has(name));
    if (filled.length === 0) continue;
    const method = methods[operationId]!;
    const fill = (init?: Record<string, unknown>) => withPathDefaults(init, filled);
    const wrapped = (init?: Record<string, unknown>) => method(fill(init));
    wrapped.withResponse = (init?: Record<string, unknown>) => method.withResponse(fill(init));
    methods[operationId] = wrapped;
  }
  return client;
}

/** A copy of a call's request object with the missing path values filled in; the object itself when none is missing. */
function withPathDefaults(init: Record<string, unknown> | undefined, defaults: readonly [string, string][]): Record<string, unknown> | undefined {
  const params = (init?.params ?? {}) as Record<string, unknown>;
  const path = (params.path ?? {}) as Record<string, unknown>;
  let filledPath: Record<string, unknown> | undefined;
  for (const [name, value] of defaults) {
    if (path[name] !== undefined) continue;
    filledPath ??= { ...path };
    filledPath[name] = value;
  }
  return filledPath === undefined ? init : { ...init, params: { ...params, path: filledPath } };
}

// biome-ignore lint/complexity/noBannedTypes: `{}` is the type a key that may be left out is assignable from
type RequiredKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T];
type Loosen<Path, K extends PropertyKey> = Omit<Path, K> & Partial<Pick<Path, K & keyof Path>>;
type LoosenParameters<P, K extends PropertyKey> = P extends { path: infer Path }
  ? Omit<P, "path"> & ([RequiredKeys<Loosen<Path, K>>] extends [never] ? { path?: Loosen<Path, K> } : { path: Loosen<Path, K> })
  : P;
type LoosenOperation<O, K extends PropertyKey> = O extends { parameters: infer P } ? Omit<O, "parameters"> & { parameters: LoosenParameters<P, K> } : O;

/** `Paths` with the path parameters `K` optional in every operation that has them: the client fills them in. */
export type WithAppDefaults<Paths, K extends IgnisignAppParam> = {
  [Route in keyof Paths]: { [M in keyof Paths[Route]]: M extends "parameters" ? Paths[Route][M] : LoosenOperation<Paths[Route][M], K> };
};

/** Which of `appId` and `appEnv` a client made with options `O` knows: set in `O`, or named by an `skv2_<env>_<app>_…` key. */
export type KnownAppParams<O> =
  | (O extends { apiKey: IgnisignAppApiKey } ? IgnisignAppParam : never)
  | (O extends { appId: string } ? "appId" : never)
  | (O extends { appEnv: IgnisignAppEnv } ? "appEnv" : never);
