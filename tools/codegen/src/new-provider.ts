import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseDocument } from "yaml";
import { contractCall } from "./contract-calls.js";
import { readOperations } from "./operations.js";
import { readSpec } from "./read-spec.js";
import { SpecError } from "./spec-error.js";

/** What a new provider package is made from. */
export interface NewProvider {
  /** Folder and package name: `specs/<name>/openapi.yaml` → `@signhub/<name>`. */
  name: string;
  /** The provider's name as its docs write it; starts every error message. @default from the name */
  title?: string;
}

/** `acme-sign` → `AcmeSign`. */
export const pascalCase = (name: string) => name.replace(/(^|[-_.\s]+)(\w)/g, (_, __, c: string) => c.toUpperCase());

/**
 * Adds a provider whose spec is already at `specs/<name>/openapi.yaml`: its redocly.yaml entry and a
 * `packages/<name>` wired to @signhub/core (bearer auth, the spec's first server as the base URL).
 * Returns the files written.
 */
export function newProvider(root: string, { name, title = pascalCase(name).replace(/([a-z])([A-Z])/g, "$1 $2") }: NewProvider): string[] {
  if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new Error(`provider name "${name}" must be lowercase kebab-case`);
  const specFile = join(root, "specs", name, "openapi.yaml");
  if (!existsSync(specFile)) throw new SpecError(`specs/${name}/openapi.yaml`, "does not exist: write the spec first");
  const dir = join(root, "packages", name);
  if (existsSync(dir)) throw new Error(`packages/${name} already exists`);

  const spec = readSpec(specFile);
  const server = ((spec.doc.servers as { url?: string }[] | undefined) ?? [])[0]?.url;
  const baseUrl = server && !server.includes("{") ? server : undefined;
  const operations = readOperations(spec);
  const factory = `create${pascalCase(name)}Client`;
  const type = `${pascalCase(name)}Client`;

  const config = parseDocument(readFileSync(join(root, "redocly.yaml"), "utf8"));
  config.setIn(
    ["apis", name],
    config.createNode({ root: `specs/${name}/openapi.yaml`, "x-openapi-ts": { output: `packages/${name}/src/generated/schema.ts` } }),
  );

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
    "turbo.json": readFileSync(join(root, "packages", "ignisign", "turbo.json"), "utf8").replaceAll("specs/ignisign/", `specs/${name}/`),
    "test/contract/mock-setup.ts": readFileSync(join(root, "packages", "ignisign", "test", "contract", "mock-setup.ts"), "utf8").replace(
      '"ignisign"',
      `"${name}"`,
    ),
    [`test/contract/${name}.test.ts`]: `import { describeContract } from "@signhub/contract";
import { ${factory}, type ${type} } from "../../src/index.js";

// Written from the spec's examples when the package was made: one valid call per operation.
describeContract<${type}>({
  provider: "${name}",
  client: (baseUrl) => ${factory}({ baseUrl, accessToken: "contract-test-token", maxRetries: 0 }),
  calls: {
${operations.map((op) => `    ${op.operationId}: ${contractCall(spec, op)},`).join("\n")}
  },
  // Where this provider's error body keeps its code.
  codeOf: (body) => (body as { code?: string }).code,
});
`,
    "src/index.ts": `import { bearerAuth, createOperations, errorFields, type ClientOptions, type SignhubClient, type TokenSource } from "@signhub/core";
import { operationTable } from "./generated/operations.js";
import type { paths } from "./generated/schema.js";

export type { components, operations, paths } from "./generated/schema.js";
export { operationTable };

/** Options of \`${factory}\`. */
export interface ${type}Options extends ClientOptions {
${baseUrl ? "" : "  /** The API's base URL. */\n  baseUrl: string;\n"}  /** A bearer token, or a function returning one (asked per request, and again after a 401). */
  accessToken: TokenSource;
}

/** A client of the ${title} API: one method per operation, plus \`raw\`. */
export type ${type} = SignhubClient<paths, typeof operationTable>;

/** Typed client for the ${title} API. */
export function ${factory}(options: ${type}Options): ${type} {
  const { accessToken, ...rest } = options;
  return createOperations<paths, typeof operationTable>(
    operationTable,
    {
      provider: "${name}",
      title: "${title}",
      baseUrl: ${baseUrl ? JSON.stringify(baseUrl) : "options.baseUrl"},
      auth: bearerAuth(accessToken, "${name}"),
      parseError: errorFields({ code: "code", message: "message" }),
    },
    rest,
  );
}
`,
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(dir, file, ".."), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  writeFileSync(join(root, "redocly.yaml"), config.toString());
  return [...Object.keys(files).map((file) => `packages/${name}/${file}`), "redocly.yaml"];
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
