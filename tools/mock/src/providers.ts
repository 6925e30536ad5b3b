import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parse } from "yaml";
import { findRepoRoot } from "./repo-root.js";

/**
 * Ports `pnpm mock` serves each provider on, in the order of the `apis` table in redocly.yaml.
 * Fixed so that local `.env` files and bookmarks keep working across runs.
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
  /** Its port in {@link DEV_PORTS}, or the next number after the highest one for a provider not listed there. */
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
  let nextPort = Math.max(...Object.values(DEV_PORTS)) + 1;
  return Object.entries(apis).map(([name, api]) => {
    const specRoot = isRecord(api) ? api["root"] : undefined;
    if (typeof specRoot !== "string") {
      throw new Error(`${configPath}: \`apis.${name}\` has no \`root\` spec path`);
    }
    // Redocly resolves `root` against the directory of its config file.
    return { name, specPath: resolve(dirname(configPath), specRoot), port: DEV_PORTS[name] ?? nextPort++ };
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
