import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parse } from "yaml";
import { findRepoRoot } from "./repo-root.js";

/**
 * Ports `pnpm mock` serves the first providers on. A provider added later has its own in redocly.yaml
 * (`x-signhub-mock-port`, written by `pnpm new-provider`). Fixed so that local `.env` files and bookmarks
 * keep working across runs, whatever the order of the `apis` table.
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
   * Its port in {@link DEV_PORTS}, else its `x-signhub-mock-port`, else (an entry written by hand without one)
   * the next number after the highest one.
   */
  port: number;
}

/** Every provider in `<root>/redocly.yaml`, in table order. */
export function listProviders(root: string = findRepoRoot()): Provider[] {
  const configPath = join(root, "redocly.yaml");
  const config: unknown = parse(readFileSync(configPath, "utf8"));
  const apis = isRecord(config) ? config["apis"] : undefined;
  if (!isRecord(apis)) {
    throw new Error(`${configPath} has no \`apis:\` table`);
  }
  const own = (api: unknown) => (isRecord(api) && typeof api["x-signhub-mock-port"] === "number" ? api["x-signhub-mock-port"] : undefined);
  let nextPort = Math.max(...Object.values(DEV_PORTS), ...Object.values(apis).map((api) => own(api) ?? 0)) + 1;
  return Object.entries(apis).map(([name, api]) => {
    const specRoot = isRecord(api) ? api["root"] : undefined;
    if (typeof specRoot !== "string") {
      throw new Error(`${configPath}: \`apis.${name}\` has no \`root\` spec path`);
    }
    // Redocly resolves `root` against the directory of its config file.
    return { name, specPath: resolve(dirname(configPath), specRoot), port: DEV_PORTS[name] ?? own(api) ?? nextPort++ };
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
