import { cpSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, expect, test } from "vitest";
import { parse } from "yaml";
import { generate, newProvider, readApis } from "../src/index.js";
import { workspaceCopy } from "./workspace-copy.js";

const good = fileURLToPath(new URL("./fixtures/workspace/specs/good/openapi.yaml", import.meta.url));
let root: string;

/** A copy of the workspace with the spec of a new provider, acme-sign. */
function workspace(): string {
  root = workspaceCopy("signhub-new-provider-");
  mkdirSync(join(root, "specs/acme-sign"), { recursive: true });
  cpSync(good, join(root, "specs/acme-sign/openapi.yaml"));
  return root;
}
afterEach(() => rmSync(root, { recursive: true, force: true }));

test("adds the redocly.yaml entry and a package wired to core, from the spec alone", async () => {
  const files = await newProvider(workspace(), { name: "acme-sign", title: "Acme Sign" });
  expect(files).toContain("packages/acme-sign/src/index.ts");
  expect(readApis(root).map((api) => api.name)).toContain("acme-sign");
  const index = readFileSync(join(root, "packages/acme-sign/src/index.ts"), "utf8");
  // Every option optional (a server with defaults, no credentials): the client may be made without any.
  expect(index).toContain("export function createAcmeSignClient(options: AcmeSignClientOptions = {}): AcmeSignClient");
  expect(index).toContain('baseUrl: "https://api.good.test"');
  expect(JSON.parse(readFileSync(join(root, "packages/acme-sign/package.json"), "utf8")).name).toBe("@signhub/acme-sign");
  const turbo = JSON.parse(readFileSync(join(root, "packages/acme-sign/turbo.json"), "utf8"));
  // Its own folder (spec, config, ignore file) and the shared rules: never the root list of every provider.
  expect(turbo.tasks["lint:specs"].inputs).toEqual([
    "$TURBO_ROOT$/tools/codegen/redocly-rules.yaml",
    "$TURBO_ROOT$/tools/codegen/redocly-plugin.js",
    "$TURBO_ROOT$/specs/acme-sign/**",
  ]);
  expect(turbo.tasks.generate.inputs).toEqual(["$TURBO_ROOT$/specs/acme-sign/**"]);
  expect(parse(readFileSync(join(root, "specs/acme-sign/redocly.yaml"), "utf8"))).toEqual({
    extends: ["recommended-strict", "../../tools/codegen/redocly-rules.yaml"],
    apis: {
      "acme-sign": { root: "openapi.yaml", "x-openapi-ts": { output: "../../packages/acme-sign/src/generated/schema.ts" }, "x-signhub-mock-port": 4014 },
    },
  });
  // Its test reads its own config and spec, and starts its own mock: a provider added later changes nothing of it.
  expect(turbo.tasks.test.inputs).not.toContain("$TURBO_ROOT$/redocly.yaml");
  expect(turbo.tasks.test.inputs).toContain("$TURBO_ROOT$/specs/acme-sign/**");
  const listing = parse(readFileSync(join(root, "redocly.yaml"), "utf8"));
  expect(listing.apis["acme-sign"]).toEqual({ root: "specs/acme-sign/openapi.yaml" });
  expect(readFileSync(join(root, "redocly.yaml"), "utf8")).toContain("# Every provider, listed");
  const contract = readFileSync(join(root, "packages/acme-sign/test/contract/acme-sign.test.ts"), "utf8");
  expect(contract).toContain('getThing: (client, headers) => client.getThing({ params: { "path": { "id": "string" } }, headers }),');
  expect(contract).toContain('touchThing: (client, headers) => client.touchThing({ params: { "path": { "id": "string" } }, headers }),');
  await generate(root, "acme-sign");
  expect(readFileSync(join(root, "packages/acme-sign/src/generated/operations.ts"), "utf8")).toContain("getThing:");
});

test("refuses a provider whose spec is not written yet, or that exists", async () => {
  await expect(newProvider(workspace(), { name: "nope" })).rejects.toThrow("specs/nope/openapi.yaml: does not exist: write the spec first");
  mkdirSync(join(root, "packages/other"), { recursive: true });
  cpSync(join(root, "packages/ignisign/package.json"), join(root, "packages/other/package.json"));
  await expect(newProvider(root, { name: "other" })).rejects.toThrow("packages/other already exists");
});
