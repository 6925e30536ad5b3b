import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { parse } from "yaml";
import { SpecError } from "./spec-error.js";

/** One provider: listed in the root redocly.yaml, described by its own `specs/<name>/redocly.yaml`. */
export interface ApiEntry {
  name: string;
  /** Absolute path of the provider's own Redocly config: its rules, its API alone, its lint ignore file beside it. */
  config: string;
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

type RawEntry = { root?: string; "x-openapi-ts"?: { output?: string }; "x-signhub-vendor"?: { published?: string; overlay?: string } };

/** The workspace root: the nearest folder above `from` with a pnpm-workspace.yaml. */
export function findRoot(from: string = process.cwd()): string {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) return dir;
    if (dirname(dir) === dir) throw new Error(`no pnpm-workspace.yaml above ${from}`);
  }
}

/** Where a provider's own Redocly config is: `specs/<name>/redocly.yaml`. */
export function apiConfigFile(root: string, name: string): string {
  return join(root, "specs", name, "redocly.yaml");
}

/**
 * Every provider the root's redocly.yaml lists, each read from its own config. Lint and codegen read only
 * that file (so that editing one provider, or adding one, changes no other provider's task hashes); the
 * root entry's `root` (for Redocly and the mock) must name the same spec.
 */
export function readApis(root: string): ApiEntry[] {
  const file = join(root, "redocly.yaml");
  const listed = (parse(readFileSync(file, "utf8")) as { apis?: Record<string, RawEntry | null> } | null)?.apis ?? {};
  return Object.entries(listed).map(([name, listing]) => {
    const config = apiConfigFile(root, name);
    if (!existsSync(config)) throw new SpecError(file, `apis.${name} has no config of its own: write ${relative(root, config)}`);
    const api = readApi(root, name);
    if (!listing?.root || join(root, listing.root) !== api.spec) {
      throw new SpecError(file, `apis.${name}.root must be ${relative(root, api.spec)}, the spec ${relative(root, config)} names`);
    }
    return api;
  });
}

/**
 * One provider by name, from its own config alone (`specs/<name>/redocly.yaml`, what its tasks hash), with
 * the providers the root lists when there is none.
 */
export function findApi(root: string, name: string): ApiEntry {
  if (!existsSync(apiConfigFile(root, name))) {
    const listed = (parse(readFileSync(join(root, "redocly.yaml"), "utf8")) as { apis?: Record<string, unknown> } | null)?.apis ?? {};
    throw new Error(`no provider named "${name}": ${relative(root, apiConfigFile(root, name))} does not exist (known: ${Object.keys(listed).join(", ")})`);
  }
  return readApi(root, name);
}

function readApi(root: string, name: string): ApiEntry {
  const config = apiConfigFile(root, name);
  const where = relative(root, config);
  const own = (parse(readFileSync(config, "utf8")) as { apis?: Record<string, RawEntry | null> } | null)?.apis ?? {};
  const api = own[name];
  if (!api || Object.keys(own).length !== 1) throw new SpecError(where, `must list exactly one API, ${name}`);
  const dir = dirname(config);
  if (!api.root) throw new SpecError(where, `apis.${name} has no root`);
  const output = api["x-openapi-ts"]?.output;
  if (!output) throw new SpecError(where, `apis.${name} has no x-openapi-ts.output`);
  const vendor = api["x-signhub-vendor"];
  if (vendor && (!vendor.published || !vendor.overlay)) throw new SpecError(where, `apis.${name}.x-signhub-vendor needs published and overlay`);
  return {
    name,
    config,
    spec: join(dir, api.root),
    output: join(dir, output),
    ...(vendor ? { vendor: { published: join(dir, vendor.published!), overlay: join(dir, vendor.overlay!) } } : {}),
  };
}
