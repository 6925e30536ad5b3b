import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { Document, parse, parseDocument } from "yaml";
import { hasBaseline, ignoreFile, writeBaseline } from "./baseline.js";
import { apiConfigFile, findApi } from "./config.js";
import { contractCall, contractCallsByMediaType } from "./contract-calls.js";
import { bundle, writeEffectiveSpec } from "./effective-spec.js";
import { type OperationEntry, readOperations } from "./operations.js";
import { firstOverlay, overlayText } from "./overlay.js";
import { type LoadedSpec, parseSpecText, readSpec } from "./read-spec.js";
import { repairStructure } from "./repairs.js";
import { type ClientWiring, clientSource, credentialOptions, readClientWiring } from "./scaffold-client.js";
import { SpecError } from "./spec-error.js";
import { commonFolder, copyVendorFiles, refClosure, sameVendorFiles } from "./vendor-files.js";

/** What a new provider package is made from. */
export interface NewProvider {
  /** Folder and package name: `specs/<name>/…` → `@signhub/<name>`. */
  name: string;
  /** The provider's name as its docs write it; starts every error message. @default a published spec's `info.title` without "API", else from the name */
  title?: string;
  /**
   * A spec file as its vendor publishes it (YAML or JSON, OpenAPI 3.0 or 3.1). It is copied byte for byte,
   * with every file its relative `$ref`s reach, to `specs/<name>/published/`, and signhub's additions go to
   * `specs/<name>/signhub.overlay.yaml`. @default the hand-written `specs/<name>/openapi.yaml`
   */
  from?: string;
}

/** `acme-sign` → `AcmeSign`. */
export const pascalCase = (name: string) => name.replace(/(^|[-_.\s]+)(\w)/g, (_, __, c: string) => c.toUpperCase());

/** A step of `new-provider` that needs the user; its message says what to do before running it again. */
export class NewProviderError extends Error {
  override name = "NewProviderError";
}

/**
 * Adds a provider: its redocly.yaml entry and a `packages/<name>` wired to @signhub/core. Without `from`, the
 * spec is the hand-written `specs/<name>/openapi.yaml`. With `from`, the published spec is copied in first
 * and an overlay written beside it. Every step is skipped when its result is already there, so a run that
 * stopped (an overlay to fix, say) is resumed by running the same command again. Returns the files written.
 */
export async function newProvider(root: string, { name, title: given, from }: NewProvider): Promise<string[]> {
  if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new Error(`provider name "${name}" must be lowercase kebab-case`);
  // A published spec is checked before anything is written; its `info.title` names the provider unless told.
  const vendorTitle = from === undefined ? undefined : titleOf(checkOpenApiVersion(from));
  const title = given ?? vendorTitle ?? pascalCase(name).replace(/([a-z])([A-Z])/g, "$1 $2");
  const written: string[] = [];
  const dir = join(root, "packages", name);
  const config = parseDocument(readFileSync(join(root, "redocly.yaml"), "utf8"));
  const listed = config.hasIn(["apis", name]);
  // A package already there is resumed when it is this provider's (its own config exists), else left alone.
  if (existsSync(join(dir, "package.json")) && !listed && !existsSync(apiConfigFile(root, name))) throw new Error(`packages/${name} already exists`);
  // The API's own config: paths relative to the root here, to its folder once written.
  let entry: ApiPaths;
  if (from !== undefined) {
    const vendor = await addPublishedSpec(root, name, title, from);
    written.push(...vendor.written);
    entry = vendor.entry;
  } else {
    if (!existsSync(join(root, "specs", name, "openapi.yaml"))) throw new SpecError(`specs/${name}/openapi.yaml`, "does not exist: write the spec first");
    entry = { root: `specs/${name}/openapi.yaml`, "x-openapi-ts": { output: `packages/${name}/src/generated/schema.ts` } };
  }
  const ownConfig = apiConfigFile(root, name);
  if (!existsSync(ownConfig)) {
    // The dev mock's port (tools/mock): the highest one in use plus one, kept from then on in the provider's own config.
    writeFileSync(ownConfig, apiConfigText(name, entry, dirname(ownConfig), root, highestMockPort(root) + 1));
    written.push(relative(root, ownConfig));
  }
  if (!listed) {
    // The root lists the API for Redocly (`redocly lint <name>`) and `pnpm mock`.
    config.setIn(["apis", name], config.createNode({ root: entry.root }));
    writeFileSync(join(root, "redocly.yaml"), config.toString());
    written.push("redocly.yaml");
  }
  const api = findApi(root, name);
  await writeEffectiveSpec(root, api);
  // A published spec's first run: its structure repaired, then (with the same lint report when nothing was) its baseline.
  const firstRun = api.vendor !== undefined && !hasBaseline(api);
  const { repaired, problems } = firstRun ? await repairStructure(root, api) : { repaired: 0, problems: undefined };
  if (repaired) {
    written.push(
      `${relative(root, api.vendor!.overlay)} (${repaired} actions repairing its structure: keywords of the other OpenAPI version, undefined schemas)`,
    );
  }
  const spec = readSpec(api.spec);
  let operations: OperationEntry[];
  try {
    operations = readOperations(spec);
  } catch (error) {
    if (!(error instanceof SpecError) || !api.vendor) throw error;
    throw new NewProviderError(
      `${error.problems.length} problem${error.problems.length === 1 ? "" : "s"} in the spec with its overlay:\n${error.problems.map((p) => `  ${p}`).join("\n")}\n` +
        `Fix them in ${relative(root, api.vendor.overlay)} (an action can name an operation, give it a retry decision, or define what a $ref names), then run the same command again.`,
    );
  }
  if (firstRun) {
    const recorded = writeBaseline(root, api, problems);
    if (recorded) written.push(`${relative(root, ignoreFile(api))} (${recorded} problems of the vendor's style recorded for ${relative(root, api.spec)})`);
  }
  const wiring = readClientWiring(spec);
  const factory = `create${pascalCase(name)}Client`;
  const type = `${pascalCase(name)}Client`;
  const specInputs = [`$TURBO_ROOT$/specs/${name}/**`];

  const template = JSON.parse(readFileSync(join(root, "packages", "ignisign", "package.json"), "utf8")) as Record<string, unknown>;
  const files: Record<string, string> = {
    "package.json": json({
      ...template,
      name: `@signhub/${name}`,
      version: "0.1.0",
      description: `Typed client for the ${title} API.`,
      scripts: { ...(template.scripts as object), bench: undefined },
    }),
    "tsconfig.json": readFileSync(join(root, "packages", "ignisign", "tsconfig.json"), "utf8"),
    "tsconfig.build.json": readFileSync(join(root, "packages", "ignisign", "tsconfig.build.json"), "utf8"),
    "vitest.config.ts": readFileSync(join(root, "packages", "ignisign", "vitest.config.ts"), "utf8"),
    "turbo.json": turboJson(specInputs, api.vendor !== undefined),
    "test/contract/mock-setup.ts": readFileSync(join(root, "packages", "ignisign", "test", "contract", "mock-setup.ts"), "utf8").replace(
      '"ignisign"',
      `"${name}"`,
    ),
    [`test/contract/${name}.test.ts`]: `import { errorFields } from "@signhub/core";
import { describeContract } from "@signhub/contract";
import { ${factory}, type ${type} } from "../../src/index.js";

// Written from the spec's examples when the package was made: one valid call per operation.
describeContract<${type}>({
  provider: "${name}",
  client: (baseUrl) => ${factory}({ baseUrl, ${contractCredentials(wiring, name)}maxRetries: 0 }),
  calls: {
${operations.map((op) => `    ${op.operationId}: ${contractCall(spec, op)},`).join("\n")}
  },${mediaTypeCalls(spec, operations)}
  // Where this provider's error body keeps its code.
  codeOf: (body) => errorFields(${JSON.stringify(wiring.errorFields)})(body).code,
});
`,
    "src/index.ts": clientSource(name, title, factory, type, wiring),
  };
  // A file already there is kept: it was written by an earlier run, or by hand since.
  for (const [file, text] of Object.entries(files)) {
    if (existsSync(join(dir, file))) continue;
    mkdirSync(join(dir, file, ".."), { recursive: true });
    writeFileSync(join(dir, file), text);
    written.push(`packages/${name}/${file}`);
  }
  return written;
}

/**
 * Copies a published spec and the files it reaches to `specs/<name>/published/`, writes the first overlay,
 * and returns the API's paths for its config. A copy already there must be the same bytes.
 */
async function addPublishedSpec(root: string, name: string, title: string, from: string): Promise<{ written: string[]; entry: ApiPaths }> {
  const written: string[] = [];
  const specs = join(root, "specs", name);
  const published = join(specs, "published");
  if (existsSync(join(specs, "openapi.yaml"))) throw new Error(`specs/${name}/openapi.yaml is a hand-written spec: run without --from`);
  const files = refClosure(from);
  const rootFile = relative(commonFolder(files), files[0]!).split(sep).join("/");
  if (existsSync(published) && !sameVendorFiles(files, published)) {
    throw new NewProviderError(
      `specs/${name}/published/ holds other files than ${from} and the files it reaches.\n` +
        `To update a published spec, copy the new files over specs/${name}/published/ and run \`pnpm build\`; to start again, delete specs/${name}/ and packages/${name}/.`,
    );
  }
  if (!existsSync(published)) {
    copyVendorFiles(files, published);
    written.push(...files.map((file) => relative(root, join(published, relative(commonFolder(files), file)))));
  }
  const overlay = join(specs, "signhub.overlay.yaml");
  if (!existsSync(overlay)) {
    writeFileSync(overlay, overlayText(firstOverlay(await bundle(root, join(published, rootFile)), title)));
    written.push(relative(root, overlay));
  }
  const entry = {
    // The effective document (published files bundled, overlay applied), written by lint and generate.
    root: `packages/${name}/src/generated/openapi.yaml`,
    "x-openapi-ts": { output: `packages/${name}/src/generated/schema.ts` },
    "x-signhub-vendor": { published: `specs/${name}/published/${rootFile}`, overlay: `specs/${name}/signhub.overlay.yaml` },
  };
  return { written, entry };
}

/** `info.title` without a trailing "API" (`Box Platform API` → `Box Platform`); undefined when it has none. */
function titleOf(doc: Record<string, unknown>): string | undefined {
  const title = (doc.info as { title?: unknown } | undefined)?.title;
  if (typeof title !== "string") return undefined;
  const short = title
    .replace(/\s+/g, " ")
    .trim()
    .replace(/\s+API$/i, "");
  return short && short.length <= 60 ? short : undefined;
}

/** Refuses, before anything is copied, a file that is not an OpenAPI 3.0 or 3.1 document, saying what it is; returns the document. */
function checkOpenApiVersion(from: string): Record<string, unknown> {
  let doc: unknown;
  try {
    doc = parseSpecText(readFileSync(from, "utf8"), from);
  } catch (error) {
    throw new NewProviderError(error instanceof Error ? error.message : String(error));
  }
  const { openapi, swagger } = (typeof doc === "object" && doc !== null ? doc : {}) as { openapi?: unknown; swagger?: unknown };
  if (typeof openapi === "string" && /^3\.[01]\.\d+/.test(openapi)) return doc as Record<string, unknown>;
  const what =
    swagger !== undefined
      ? `a Swagger ${String(swagger)} (OpenAPI 2) document: convert it to OpenAPI 3.0 or 3.1 first (swagger2openapi, or the vendor's own 3.x file), then bring the converted file`
      : openapi !== undefined
        ? `OpenAPI ${String(openapi)}: signhub reads OpenAPI 3.0.x and 3.1.x`
        : "not an OpenAPI document (no `openapi: 3.x` field at its top)";
  throw new NewProviderError(`${from} is ${what}. Nothing was written.`);
}

/** An API's paths, relative to the workspace root. */
interface ApiPaths {
  root: string;
  "x-openapi-ts": { output: string };
  "x-signhub-vendor"?: { published: string; overlay: string };
}

/** `specs/<name>/redocly.yaml`: the shared rules and this one API, its paths relative to `dir` (the file's folder). */
function apiConfigText(name: string, entry: ApiPaths, dir: string, root: string, mockPort: number): string {
  const from = (path: string) => relative(dir, join(root, path)).split(sep).join("/");
  const vendor = entry["x-signhub-vendor"];
  const api = {
    root: from(entry.root),
    "x-openapi-ts": { output: from(entry["x-openapi-ts"].output) },
    ...(vendor ? { "x-signhub-vendor": { published: from(vendor.published), overlay: from(vendor.overlay) } } : {}),
    "x-signhub-mock-port": mockPort,
  };
  const document = new Document({ extends: ["recommended-strict", from("tools/codegen/redocly-rules.yaml")], apis: { [name]: api } });
  document.commentBefore = [
    ` ${name}'s own Redocly config, which its lint and codegen read: signhub's rules (as the root redocly.yaml`,
    " extends them) and this API alone, so that an edit here reruns this provider's tasks only. Rules for this",
    ` API alone go under apis.${name}.rules; its lint ignore file, if it has one, sits beside this file.`,
  ].join("\n");
  return document.toString({ lineWidth: 0 });
}

/** The contract test's `requestMediaTypes`: a call per media type of each body offered in several. */
function mediaTypeCalls(spec: LoadedSpec, operations: OperationEntry[]): string {
  const entries = operations.flatMap((op) => {
    const calls = contractCallsByMediaType(spec, op);
    if (!calls) return [];
    return [
      `    ${op.operationId}: {\n${Object.entries(calls)
        .map(([type, call]) => `      ${JSON.stringify(type)}: ${call},\n`)
        .join("")}    },`,
    ];
  });
  return entries.length
    ? `\n  // Each media type of a request body offered in several: one call each.\n  requestMediaTypes: {\n${entries.join("\n")}\n  },`
    : "";
}

/** The highest dev mock port any provider has: 4013 (the first four's), or one in a provider's config or root entry. */
function highestMockPort(root: string): number {
  const portsOf = (file: string) => {
    if (!existsSync(file)) return [];
    const apis = (parse(readFileSync(file, "utf8")) as { apis?: Record<string, { "x-signhub-mock-port"?: unknown } | null> } | null)?.apis ?? {};
    return Object.values(apis).map((api) => api?.["x-signhub-mock-port"]);
  };
  const specs = join(root, "specs");
  const configs = existsSync(specs) ? readdirSync(specs).map((folder) => join(specs, folder, "redocly.yaml")) : [];
  const ports = [join(root, "redocly.yaml"), ...configs].flatMap(portsOf);
  return Math.max(4013, ...ports.filter((port): port is number => typeof port === "number"));
}

/** The contract test's credentials: a made-up value for every scheme, as the mock checks only that they are there. */
function contractCredentials({ schemes }: ClientWiring, provider: string): string {
  const made = { bearer: '"contract-test-token"', basic: '{ username: "contract", password: "contract-test-password" }', apiKey: '"contract-test-key"' };
  return credentialOptions(schemes, provider)
    .map((option) => `${option.name}: ${made[option.scheme.kind]}, `)
    .join("");
}

/**
 * The package's turbo.json: its lint and generate tasks hash its own spec folder (spec, config, ignore file)
 * and signhub's shared rules, never the root redocly.yaml, which lists every provider.
 */
function turboJson(specInputs: string[], vendor: boolean): string {
  const lintInputs = ["$TURBO_ROOT$/tools/codegen/redocly-rules.yaml", "$TURBO_ROOT$/tools/codegen/redocly-plugin.js", ...specInputs];
  return json({
    $schema: "https://turborepo.com/schema.json",
    extends: ["//"],
    tasks: {
      // A published spec's effective document is written by lint and by generate.
      "lint:specs": { inputs: lintInputs, dependsOn: ["@signhub/codegen#build"], ...(vendor ? { outputs: ["src/generated/openapi.yaml"] } : {}) },
      generate: { inputs: specInputs },
      // Its contract test reads its own config and spec, and starts its own mock: nothing of other providers.
      test: { inputs: ["src/**", "!src/generated/**", "test/**", "vitest.config.ts", "tsconfig.json", ...specInputs] },
    },
  });
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
