import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, test } from "vitest";
import { parse } from "yaml";
import { findApi, generate, handWrittenInBaseline, lint, newProvider, operationName, readApis, refClosure } from "../src/index.js";
import { applyOverlay } from "../src/overlay.js";
import { runCli } from "../src/run-cli.js";
import { workspaceCopy } from "./workspace-copy.js";

const fixture = (path: string) => fileURLToPath(new URL(`./fixtures/published/${path}`, import.meta.url));
let root: string | undefined;

/** A copy of the parts of the workspace a new provider is made from, removed after the test. */
function workspace(): string {
  root = workspaceCopy("signhub-published-");
  return root;
}
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

describe("operationName", () => {
  test.each([
    ["get", "/things", "getThings"],
    ["get", "/things/{thingId}", "getThingsByThingId"],
    ["delete", "/users/{user_id}/repos", "deleteUsersByUserIdRepos"],
    ["post", "/v2/sign-requests:cancel", "postV2SignRequestsCancel"],
    ["get", "/", "get"],
  ])("%s %s → %s", (method, path, want) => {
    expect(operationName(method, path)).toBe(want);
  });
});

describe("refClosure", () => {
  test.each([
    [
      "split/openapi.yaml",
      [
        "split/openapi.yaml",
        "split/paths/things.yaml",
        "split/paths/things_{thingId}.yaml",
        "split/schemas/Thing.yaml",
        "split/examples/thing.yaml",
        // Text a $ref brings in (a Markdown description, a code sample) is copied, not parsed.
        "split/markdown/list-things.md",
        "split/code/list.php",
        "split/examples/json/thing.json",
      ],
    ],
    ["collisions.json", ["collisions.json"]],
  ])("%s reaches its own files", (given, want) => {
    expect(refClosure(fixture(given)).sort()).toEqual(want.map(fixture).sort());
  });
});

describe("applyOverlay", () => {
  const doc = { openapi: "3.1.0", paths: { "/a": { get: { responses: {} } } } };
  test("merges each update into what its target selects, leaving the input alone", async () => {
    const overlay = { overlay: "1.0.0", info: { title: "t", version: "1" }, actions: [{ target: "$.paths['/a'].get", update: { operationId: "getA" } }] };
    expect(await applyOverlay(doc, overlay, "o.yaml")).toEqual({ openapi: "3.1.0", paths: { "/a": { get: { operationId: "getA", responses: {} } } } });
    expect(doc.paths["/a"].get).toEqual({ responses: {} });
  });
  test("reports every action that selects nothing at once", async () => {
    const overlay = {
      overlay: "1.0.0",
      info: { title: "t", version: "1" },
      actions: [
        { target: "$.paths['/gone'].get", update: { operationId: "x" } },
        { target: "$.paths['/b'].post", update: { operationId: "y" } },
      ],
    };
    await expect(applyOverlay(doc, overlay, "o.yaml")).rejects.toThrow(
      `o.yaml: action "$.paths['/gone'].get" selects nothing in the spec (changed upstream?): edit or remove it\no.yaml: action "$.paths['/b'].post"`,
    );
  });
  test("refuses a document that is not an Overlay 1.0", async () => {
    await expect(applyOverlay(doc, { overlay: "2.0.0", actions: [] }, "o.yaml")).rejects.toThrow("o.yaml: is not an Overlay 1.0 document");
  });
});

describe("newProvider --from", () => {
  test("keeps a split 3.1 YAML spec byte for byte and writes an overlay with names and retry defaults", async () => {
    const root = workspace();
    const files = await newProvider(root, { name: "split-sign", from: fixture("split/openapi.yaml") });
    for (const path of [
      "openapi.yaml",
      "paths/things.yaml",
      "paths/things_{thingId}.yaml",
      "schemas/Thing.yaml",
      "examples/thing.yaml",
      "markdown/list-things.md",
      "code/list.php",
      "examples/json/thing.json",
    ]) {
      expect(readFileSync(join(root, "specs/split-sign/published", path))).toEqual(readFileSync(fixture(`split/${path}`)));
    }
    // The effective document stands alone: text brought in by $ref, and an example's `value: { $ref }` (which
    // Redocly's bundle leaves as written, relative to paths/), inlined from the published copy.
    const effective = parse(readFileSync(join(root, "packages/split-sign/src/generated/openapi.yaml"), "utf8"));
    expect(effective.paths["/things"].get.description).toBe("# Things\n\nSee: [docs](x)\n- item: one\n");
    expect(effective.paths["/things"].get["x-codeSamples"][0].source).toBe("<?php\n$x = [1];\n");
    expect(effective.paths["/things"].post.requestBody.content["application/json"].examples.other).toEqual({ value: { id: "t-2" } });
    expect(files).toContain("specs/split-sign/signhub.overlay.yaml");
    const overlay = parse(readFileSync(join(root, "specs/split-sign/signhub.overlay.yaml"), "utf8"));
    // Named as the spec's info.title names it, not from the folder name ("Split Sign").
    expect(overlay.info.title).toBe("signhub additions to Split");
    expect(readFileSync(join(root, "packages/split-sign/src/index.ts"), "utf8")).toContain('title: "Split",');
    expect(overlay.actions).toEqual([
      {
        target: "$.paths['/things'].get",
        description: "GET /things",
        update: { operationId: "getThings", "x-signhub-retry": { safe: true, reason: "default for GET" } },
      },
      {
        target: "$.paths['/things'].post",
        description: "POST /things",
        update: { operationId: "thingsCreate", "x-signhub-retry": { safe: false, reason: "default for POST" } },
      },
      {
        target: "$.paths['/things/{thingId}'].get",
        description: "GET /things/{thingId}",
        update: { "x-signhub-retry": { safe: true, reason: "default for GET" } },
      },
      {
        target: "$.paths['/things/{thingId}'].delete",
        description: "DELETE /things/{thingId}",
        update: { operationId: "deleteThingsByThingId", "x-signhub-retry": { safe: true, reason: "default for DELETE" } },
      },
    ]);
    const api = findApi(root, "split-sign");
    expect(api.vendor?.published).toBe(join(root, "specs/split-sign/published/openapi.yaml"));
    await generate(root, "split-sign");
    const operations = readFileSync(join(root, "packages/split-sign/src/generated/operations.ts"), "utf8");
    expect(operations).toMatch(/getThings: \{"method":"get","path":"\/things","retrySafe":true/);
    expect(operations).toMatch(/thingsCreate: \{"method":"post","path":"\/things","retrySafe":false/);
    expect(operations).toMatch(/deleteThingsByThingId: \{"method":"delete","path":"\/things\/\{thingId\}","retrySafe":true/);
    // The vendor's files are still as they came.
    expect(readFileSync(join(root, "specs/split-sign/published/openapi.yaml"))).toEqual(readFileSync(fixture("split/openapi.yaml")));
  });

  test("records the vendor's style problems in a baseline, so that only new ones fail lint", async () => {
    const root = workspace();
    await newProvider(root, { name: "split-sign", from: fixture("split/openapi.yaml") });
    // Beside the provider's own config, naming the effective document from there.
    const ignore = parse(readFileSync(join(root, "specs/split-sign/.redocly.lint-ignore.yaml"), "utf8"));
    const effective = "../../packages/split-sign/src/generated/openapi.yaml";
    expect(Object.keys(ignore)).toEqual([effective]);
    expect(ignore[effective]["operation-4xx-response"]).toContain("#/paths/~1things/get/responses");
    expect(ignore[effective]["signhub/operation-retry-decision"]).toBeUndefined();
    expect(existsSync(join(root, ".redocly.lint-ignore.yaml"))).toBe(false);
    expect(lint(root, ["split-sign"], { capture: true }).status).toBe(0);
    // A new problem: an operation's retry decision taken away in the overlay.
    const overlayFile = join(root, "specs/split-sign/signhub.overlay.yaml");
    writeFileSync(overlayFile, readFileSync(overlayFile, "utf8").replace("reason: default for DELETE", "reason: ''"));
    await generate(root, "split-sign").catch(() => undefined);
    const result = lint(root, ["split-sign"], { capture: true });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain("x-signhub-retry.reason");
  });

  test.each([
    [
      "3.1",
      {
        n: { type: ["string", "null"] },
        e: { type: ["string", "null"], enum: ["on", "off", null] },
        o: { oneOf: [{ type: "string" }, { type: "integer" }, { type: "null" }] },
        f: { type: "string" },
        q: { type: "integer", exclusiveMinimum: 1 },
        x: { type: "integer", maximum: 1 },
        nullable: { type: "string" },
      },
    ],
    [
      "3.0",
      {
        n: { type: "string", nullable: true },
        m: { type: "string", example: "x" },
        k: { enum: [3] },
        q: { type: "integer", minimum: 3, exclusiveMinimum: true },
        u: {},
      },
    ],
  ])("rewrites the other OpenAPI version's schema keywords in a %s document in the overlay, keeping their meaning", async (version, want) => {
    const root = workspace();
    const written = await newProvider(root, { name: "mixed", from: fixture(`mixed/openapi-${version}.yaml`) });
    expect(written.join("\n")).toMatch(/signhub\.overlay\.yaml \(\d+ actions repairing its structure/);
    // The vendor's file as it came; the effective document as its version writes it, and structurally valid.
    expect(readFileSync(join(root, "specs/mixed/published/openapi-" + version + ".yaml"))).toEqual(readFileSync(fixture(`mixed/openapi-${version}.yaml`)));
    const effective = parse(readFileSync(join(root, "packages/mixed/src/generated/openapi.yaml"), "utf8"));
    expect(effective.paths["/a"].get.responses["200"].content["application/json"].schema.properties).toEqual(want);
    expect(lint(root, ["mixed"], { capture: true }).status).toBe(0);
    expect(readFileSync(join(root, "specs/mixed/signhub.overlay.yaml"), "utf8")).toContain(
      "# Written by signhub-codegen: keywords of the other OpenAPI version",
    );
    // A vendor update brings another: `signhub-codegen baseline` repairs it too.
    const published = join(root, `specs/mixed/published/openapi-${version}.yaml`);
    const added = version === "3.1" ? "                  z: { type: string, nullable: true }\n" : "                  z: { type: [integer, 'null'] }\n";
    writeFileSync(published, readFileSync(published, "utf8") + added);
    expect(await runCli(["baseline", "mixed"], root)).toBe(0);
    expect(lint(root, ["mixed"], { capture: true }).status).toBe(0);
    const updated = parse(readFileSync(join(root, "packages/mixed/src/generated/openapi.yaml"), "utf8"));
    expect(updated.paths["/a"].get.responses["200"].content["application/json"].schema.properties.z).toEqual(
      version === "3.1" ? { type: ["string", "null"] } : { type: "integer", nullable: true },
    );
  });

  test("defines, as any value, a schema the vendor's spec names but does not define; other dangling $refs are listed", async () => {
    const root = workspace();
    const written = await newProvider(root, { name: "dangling", from: fixture("dangling.yaml") });
    expect(written.join("\n")).toContain("signhub.overlay.yaml (1 actions repairing its structure");
    const effective = parse(readFileSync(join(root, "packages/dangling/src/generated/openapi.yaml"), "utf8"));
    expect(effective.components.schemas.oas_any_type_not_mapped).toEqual({});
    expect(lint(root, ["dangling"], { capture: true }).status).toBe(0);
    // A dangling parameter has no meaning to give it: the user's to fix in the overlay.
    const spec = join(root, "dangling-parameter.yaml");
    writeFileSync(
      spec,
      readFileSync(fixture("dangling.yaml"), "utf8").replace(
        "      operationId: getA\n",
        '      operationId: getA\n      parameters: [{ $ref: "#/components/parameters/Nope" }]\n',
      ),
    );
    await expect(newProvider(root, { name: "dangling-parameter", from: spec })).rejects.toThrow("unresolved $ref #/components/parameters/Nope");
  });

  test.each([
    ["a Swagger 2.0 file", '{"swagger": "2.0", "info": {"title": "Old", "version": "1"}, "paths": {}}', "is a Swagger 2.0 (OpenAPI 2) document: convert it"],
    ["OpenAPI 4", "openapi: 4.0.0\n", "is OpenAPI 4.0.0: signhub reads OpenAPI 3.0.x and 3.1.x"],
    ["an empty file", "", "is not an OpenAPI document (no `openapi: 3.x` field at its top)"],
    ["broken YAML", "openapi: 3.1.0\ninfo: { title: [\n", "not valid YAML"],
  ])("refuses %s before writing anything, saying what it is", async (_, text, want) => {
    const root = workspace();
    const spec = join(root, "given.yaml");
    writeFileSync(spec, text);
    await expect(newProvider(root, { name: "given", from: spec })).rejects.toThrow(want);
    expect(existsSync(join(root, "specs/given"))).toBe(false);
    expect(existsSync(join(root, "packages/given"))).toBe(false);
  });

  test("refuses a $ref to a file outside the spec's folder (a path, a symbolic link, a file: URL), copying nothing", async () => {
    const root = workspace();
    const outside = join(root, "outside");
    const vendor = join(root, "vendor");
    mkdirSync(outside);
    mkdirSync(vendor);
    writeFileSync(join(outside, "id_ed25519.yaml"), "key: PRIVATE-KEY-0123456789\n");
    symlinkSync(join(outside, "id_ed25519.yaml"), join(vendor, "linked.yaml"));
    const spec = (ref: string) => `openapi: 3.1.0\ninfo: { title: T, version: "1" }\npaths: {}\ncomponents:\n  schemas:\n    K: { $ref: "${ref}" }\n`;
    for (const [ref, want] of [
      ["../outside/id_ed25519.yaml", "names a file outside"],
      ["linked.yaml", "names a file outside"],
      [join(outside, "id_ed25519.yaml"), "names a file outside"],
      [`file://${join(outside, "id_ed25519.yaml")}`, "is a file: URL"],
    ] as const) {
      writeFileSync(join(vendor, "openapi.yaml"), spec(ref));
      await expect(newProvider(root, { name: "hostile", from: join(vendor, "openapi.yaml") })).rejects.toThrow(want);
      expect(existsSync(join(root, "specs/hostile"))).toBe(false);
    }
  });

  test("records every problem of a spec with more than Redocly's default 100 in the baseline", async () => {
    const root = workspace();
    const paths = Object.fromEntries(
      Array.from({ length: 120 }, (_, i) => [
        `/things${i}`,
        { get: { operationId: `getThings${i}`, summary: "A thing.", responses: { "200": { description: "A thing." } } } },
      ]),
    );
    const spec = join(root, "many.json");
    writeFileSync(spec, JSON.stringify({ openapi: "3.1.0", info: { title: "Many", version: "1" }, servers: [{ url: "https://many.test" }], paths }));
    await newProvider(root, { name: "many", from: spec });
    const ignore = parse(readFileSync(join(root, "specs/many/.redocly.lint-ignore.yaml"), "utf8"));
    expect(ignore["../../packages/many/src/generated/openapi.yaml"]["operation-4xx-response"]).toHaveLength(120);
    expect(lint(root, ["many"], { capture: true }).status).toBe(0);
  });

  test("reports colliding and reserved names all at once, then resumes once the overlay names them", async () => {
    const root = workspace();
    const error = await newProvider(root, { name: "collisions", from: fixture("collisions.json") }).catch((e: unknown) => e);
    expect((error as Error).message).toContain("2 problems in the spec with its overlay");
    expect((error as Error).message).toContain('POST /things repeats operationId "getThings" of GET /things');
    expect((error as Error).message).toContain('operationId "then" is reserved');
    expect((error as Error).message).toContain(
      "Fix them in specs/collisions/signhub.overlay.yaml (an action can name an operation, give it a retry decision, or define what a $ref names), then run the same command again.",
    );
    const overlayFile = join(root, "specs/collisions/signhub.overlay.yaml");
    writeFileSync(
      overlayFile,
      readFileSync(overlayFile, "utf8")
        .replace("operationId: getThings", "operationId: listThings")
        .concat("  - target: $.paths['/later'].get\n    update:\n      operationId: later\n"),
    );
    const files = await newProvider(root, { name: "collisions", from: fixture("collisions.json") });
    expect(files).not.toContain("specs/collisions/signhub.overlay.yaml");
    expect(files).toContain("packages/collisions/src/index.ts");
    expect(readFileSync(join(root, "specs/collisions/published/collisions.json"))).toEqual(readFileSync(fixture("collisions.json")));
  });

  test("a hand-written spec in the baseline is named, a published one is not", async () => {
    const root = workspace();
    await newProvider(root, { name: "split-sign", from: fixture("split/openapi.yaml") });
    expect(handWrittenInBaseline(readApis(root))).toEqual([]);
    writeFileSync(join(root, "specs/ignisign/.redocly.lint-ignore.yaml"), `openapi.yaml:\n  struct: ["#/"]\n`);
    expect(handWrittenInBaseline(readApis(root))).toEqual(["ignisign"]);
    expect(await runCli(["lint", "ignisign"], root)).toBe(1);
  });

  test("refuses to overwrite a published copy with other files, and says how to update one", async () => {
    const root = workspace();
    mkdirSync(join(root, "specs/split-sign/published"), { recursive: true });
    writeFileSync(join(root, "specs/split-sign/published/openapi.yaml"), "openapi: 3.1.0\n");
    await expect(newProvider(root, { name: "split-sign", from: fixture("split/openapi.yaml") })).rejects.toThrow(
      "To update a published spec, copy the new files over specs/split-sign/published/ and run `pnpm build`",
    );
  });
});
