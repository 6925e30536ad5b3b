import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { generateFromSpec, SpecError } from "../src/index.js";
import { parseSpecText, readSpec } from "../src/read-spec.js";

test.each([
  ["JSON", '{"openapi": "3.1.0", "info": {"title": "T", "version": "1"}}', { openapi: "3.1.0", info: { title: "T", version: "1" } }],
  ["YAML", "openapi: 3.1.0\ninfo:\n  title: T\n  version: '1'\n", { openapi: "3.1.0", info: { title: "T", version: "1" } }],
  ["a YAML flow mapping, not JSON", "{openapi: 3.1.0, info: {title: T}}", { openapi: "3.1.0", info: { title: "T" } }],
  // As Redocly reads YAML (lint and bundling): no timestamps, so a date stays the string it was written as.
  ["a date", "example: 2024-05-01\n", { example: "2024-05-01" }],
  ["a merge key", "base: &base { a: 1 }\nmore: { <<: *base, b: 2 }\n", { base: { a: 1 }, more: { a: 1, b: 2 } }],
])("parses %s", (_, given, want) => {
  expect(parseSpecText(given, "spec.yaml")).toEqual(want);
});

test.each([
  ["broken YAML", "openapi: 3.1.0\ninfo: { title: [\n", /spec\.yaml: not valid YAML: .*\(3:1\)/s],
  ["broken JSON", '{"openapi": "3.1.0",\n "info": {"title": "T"}\n', /spec\.yaml: not valid YAML: .*\(3:1\)/s],
])("%s is a SpecError naming the file, line and column", (_, given, want) => {
  const error = (() => {
    try {
      parseSpecText(given, "spec.yaml");
    } catch (e) {
      return e;
    }
  })();
  expect(error).toBeInstanceOf(SpecError);
  expect((error as Error).message).toMatch(want);
});

test("generates from a document already parsed, without reading the spec file again", async () => {
  const out = mkdtempSync(join(tmpdir(), "signhub-codegen-parsed-"));
  try {
    const parsed = {
      openapi: "3.1.0",
      info: { title: "Parsed", version: "1" },
      paths: {
        "/things": {
          get: { operationId: "listThings", "x-signhub-retry": { safe: true, reason: "a read" }, responses: { "204": { description: "none" } } },
        },
      },
    };
    // No file at this path: everything comes from `parsed`.
    await generateFromSpec(join(out, "missing.yaml"), join(out, "schema.ts"), "specs/parsed.yaml", parsed);
    expect(readFileSync(join(out, "schema.ts"), "utf8")).toContain("listThings: {");
    expect(readFileSync(join(out, "operations.ts"), "utf8")).toContain(`listThings: {"method":"get","path":"/things","retrySafe":true`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test("a $ref inside a file reached by $ref resolves against that file, not the root spec", () => {
  const dir = mkdtempSync(join(tmpdir(), "signhub-codegen-refs-"));
  try {
    mkdirSync(join(dir, "paths"));
    mkdirSync(join(dir, "schemas"));
    writeFileSync(join(dir, "openapi.yaml"), "openapi: 3.1.0\npaths:\n  /things:\n    $ref: paths/things.yaml\n");
    // Relative to paths/, as the file that holds it says; from the root it would be ./schemas/… (missing here).
    writeFileSync(join(dir, "paths", "things.yaml"), "get:\n  responses:\n    '200':\n      $ref: ../schemas/ok.yaml#/ok\n");
    writeFileSync(join(dir, "schemas", "ok.yaml"), "ok:\n  description: fine\n  content:\n    application/json:\n      schema:\n        $ref: thing.yaml\n");
    writeFileSync(join(dir, "schemas", "thing.yaml"), "type: object\n");
    // A file of the same name beside the root spec, which a root-relative lookup would wrongly pick.
    writeFileSync(join(dir, "thing.yaml"), "type: string\n");
    const spec = readSpec(join(dir, "openapi.yaml"));
    const item = spec.deref((spec.doc.paths as Record<string, unknown>)["/things"]) as { get: { responses: Record<string, unknown> } };
    const ok = spec.deref(item.get.responses["200"]) as { description: string; content: Record<string, { schema: unknown }> };
    expect(ok.description).toBe("fine");
    expect(spec.deref(ok.content["application/json"]!.schema)).toEqual({ type: "object" });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
