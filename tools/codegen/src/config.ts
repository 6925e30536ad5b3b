import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parse } from "yaml";
import { SpecError } from "./spec-error.js";

/** One provider as redocly.yaml lists it. */
export interface ApiEntry {
  name: string;
  /** Absolute path of the spec. */
  spec: string;
  /** Absolute path of the generated types file (`x-openapi-ts.output`). */
  output: string;
  /**
   * A published spec kept as the vendor wrote it (`x-signhub-vendor`): `spec` is the API's effective
   * document, written from `published` with `overlay` applied (absolute paths).
   */
  vendor?: { published: string; overlay: string };
}

/** The workspace root: the nearest folder above `from` with a pnpm-workspace.yaml. */
export function findRoot(from: string = process.cwd()): string {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) return dir;
    if (dirname(dir) === dir) throw new Error(`no pnpm-workspace.yaml above ${from}`);
  }
}

/** Every provider in the root's redocly.yaml. */
export function readApis(root: string): ApiEntry[] {
  const file = join(root, "redocly.yaml");
  const config = parse(readFileSync(file, "utf8")) as {
    apis?: Record<string, { root?: string; "x-openapi-ts"?: { output?: string }; "x-signhub-vendor"?: { published?: string; overlay?: string } }>;
  };
  return Object.entries(config.apis ?? {}).map(([name, api]) => {
    if (!api.root) throw new SpecError(file, `apis.${name} has no root`);
    const output = api["x-openapi-ts"]?.output;
    if (!output) throw new SpecError(file, `apis.${name} has no x-openapi-ts.output`);
    const vendor = api["x-signhub-vendor"];
    if (vendor && (!vendor.published || !vendor.overlay)) throw new SpecError(file, `apis.${name}.x-signhub-vendor needs published and overlay`);
    return {
      name,
      spec: join(root, api.root),
      output: join(root, output),
      ...(vendor ? { vendor: { published: join(root, vendor.published!), overlay: join(root, vendor.overlay!) } } : {}),
    };
  });
}

/** One provider by name, with the list of known ones when it is missing. */
export function findApi(root: string, name: string): ApiEntry {
  const apis = readApis(root);
  const api = apis.find((entry) => entry.name === name);
  if (!api) throw new Error(`redocly.yaml lists no API named "${name}" (known: ${apis.map((a) => a.name).join(", ")})`);
  return api;
}
