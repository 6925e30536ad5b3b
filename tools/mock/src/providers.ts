import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parse } from "yaml";
import { findRepoRoot } from "./repo-root.js";

/**
 * Ports `pnpm mock` serves the first providers on. A provider added later has its own in its config,
 * `specs/<name>/redocly.yaml` (`x-signhub-mock-port`, written by `pnpm new-provider`). Fixed so that local
 * `.env` files and bookmarks keep working across runs, whatever the order of the `apis` table.
 */
export const DEV_PORTS: Readonly<Record<string, number>> = {
  ignisign: 4010,
  "nevis-idm": 4011,
  "minka-ledger": 4012,
  "plumery-idp-connector": 4013,
};

/** A provider listed in redocly.yaml. */
export interface Provider {
  /** The key under `apis:`, e.g. `nevis-idm`. */
  name: string;
  /** Absolute path of its OpenAPI document. */
  specPath: string;
  /**
   * Its port in {@link DEV_PORTS}, else its `x-signhub-mock-port` (in its own config, or its root entry),
   * else (an entry written by hand without one) the next number after the highest one.
   */
  port: number;
}

type Listing = { root?: unknown; "x-signhub-mock-port"?: unknown };

/** Every provider in `<root>/redocly.yaml`, in table order. */
export function listProviders(root: string = findRepoRoot()): Provider[] {
  const configPath = join(root, "redocly.yaml");
  const config: unknown = parse(readFileSync(configPath, "utf8"));
  const apis = isRecord(config) ? config["apis"] : undefined;
  if (!isRecord(apis)) {
    throw new Error(`${configPath} has no \`apis:\` table`);
  }
  const listed = Object.entries(apis).map(([name, api]) => {
    const own = ownListing(root, name);
    const specRoot = isRecord(api) ? api["root"] : undefined;
    if (own === undefined && typeof specRoot !== "string") {
      throw new Error(`${configPath}: \`apis.${name}\` has no \`root\` spec path`);
    }
    // Redocly resolves `root` against the directory of its config file.
    const specPath = own?.specPath ?? resolve(dirname(configPath), specRoot as string);
    return { name, specPath, port: DEV_PORTS[name] ?? own?.port ?? portOf(isRecord(api) ? api : undefined) };
  });
  let nextPort = Math.max(...Object.values(DEV_PORTS), ...listed.map((provider) => provider.port ?? 0)) + 1;
  return listed.map((provider) => ({ ...provider, port: provider.port ?? nextPort++ }));
}

/**
 * One provider by name, read from its own config, `specs/<name>/redocly.yaml`, alone (what its test task
 * hashes: adding another provider to the root's table changes nothing here); a provider without one is
 * looked up in the root's table.
 */
export function findProvider(name: string, root: string = findRepoRoot()): Provider | undefined {
  const own = ownListing(root, name);
  const port = own && (DEV_PORTS[name] ?? own.port);
  if (own && port !== undefined) return { name, specPath: own.specPath, port };
  return listProviders(root).find((provider) => provider.name === name);
}

/** A provider's spec and port as its own config, `specs/<name>/redocly.yaml`, gives them; undefined when it has none. */
function ownListing(root: string, name: string): { specPath: string; port: number | undefined } | undefined {
  const configPath = join(root, "specs", name, "redocly.yaml");
  if (!existsSync(configPath)) return undefined;
  const config: unknown = parse(readFileSync(configPath, "utf8"));
  const api = isRecord(config) && isRecord(config["apis"]) ? config["apis"][name] : undefined;
  if (!isRecord(api) || typeof api["root"] !== "string") throw new Error(`${configPath}: \`apis.${name}\` has no \`root\` spec path`);
  return { specPath: resolve(dirname(configPath), api["root"]), port: portOf(api) };
}

function portOf(api: Listing | undefined): number | undefined {
  const port = api?.["x-signhub-mock-port"];
  return typeof port === "number" ? port : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
