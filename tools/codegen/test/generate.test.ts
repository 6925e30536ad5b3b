import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, test } from "vitest";
import { generate, generateFromSpec, lint, SpecError } from "../src/index.js";

const root = fileURLToPath(new URL("./fixtures/workspace/", import.meta.url));
afterAll(() => rmSync(join(root, "out"), { recursive: true, force: true }));

describe("generate", () => {
  test("writes the types and an operation table with each operation's parameters, responses, security and retry decision", async () => {
    await generate(root, "good");
    const table = readFileSync(join(root, "out/good/operations.ts"), "utf8");
    const id = `{"name":"id","in":"path","style":"simple","explode":false,"required":true}`;
    expect(table).toContain(
      `getThing: {"method":"get","path":"/things/{id}","retrySafe":true,"parameters":[${id}],"responses":{"200":{"application/json":true},"404":{"application/json":true}},"security":[]}`,
    );
    expect(table).toContain(
      `touchThing: {"method":"post","path":"/things/{id}","retrySafe":false,"parameters":[${id}],"responses":{"204":{},"400":{"application/json":true}},"security":[]}`,
    );
    expect(readFileSync(join(root, "out/good/schema.ts"), "utf8")).toContain("getThing: {");
  });

  test("types readOnly and writeOnly properties with markers defined in the file, and binary strings as Blob", async () => {
    const out = mkdtempSync(join(tmpdir(), "signhub-codegen-types-"));
    try {
      await generateFromSpec(fileURLToPath(new URL("./fixtures/operations/types.yaml", import.meta.url)), join(out, "schema.ts"));
      const schema = readFileSync(join(out, "schema.ts"), "utf8");
      for (const want of [
        "export type $Read<T> = {",
        "export type $Write<T> = {",
        "id: $Read<string>;",
        "secret?: $Write<string>;",
        // defaultNonNullable: false — a default does not make a property required.
        "pages?: number;",
        // emptyObjectsUnknown: true — an object without properties is any object.
        "extra?: Record<string, unknown>;",
        "file?: Blob;",
        "scan?: Blob;",
        "preview?: Blob | null;",
        "encoded?: string;",
        '"application/octet-stream": Blob;',
      ]) {
        expect(schema).toContain(want);
      }
      expect(schema).not.toMatch(/^import /m);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  test("resolves $refs to another file beside the spec, in the types and the table", async () => {
    const out = mkdtempSync(join(tmpdir(), "signhub-codegen-split-"));
    try {
      await generateFromSpec(fileURLToPath(new URL("./fixtures/operations/split.yaml", import.meta.url)), join(out, "schema.ts"));
      expect(readFileSync(join(out, "schema.ts"), "utf8")).toContain("Limit: number;");
      expect(readFileSync(join(out, "operations.ts"), "utf8")).toContain(
        `"parameters":[{"name":"limit","in":"query","style":"form","explode":true}],"responses":{"200":{"application/json":true}}`,
      );
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  test.each([
    ["unresolved-ref", "specs/unresolved-ref/openapi.yaml: unresolved $ref #/components/responses/Missing"],
    ["no-operation-id", "specs/no-operation-id/openapi.yaml: POST /things/{id} has no usable operationId"],
    ["no-retry-decision", "specs/no-retry-decision/openapi.yaml: POST /things/{id} (touchThing) has no x-signhub-retry.safe"],
    ["not-yaml", "specs/not-yaml/openapi.yaml: not valid YAML"],
  ])("a broken spec (%s) fails with a message naming the file and the problem", async (name, message) => {
    const error = await generate(root, name).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpecError);
    expect((error as Error).message).toContain(message);
  });

  test("an unknown provider lists the known ones", async () => {
    await expect(generate(root, "nope")).rejects.toThrow('no provider named "nope": specs/nope/redocly.yaml does not exist (known: good, unresolved-ref');
  });
});

describe("lint", () => {
  test("passes the good spec", () => {
    const result = lint(root, ["good"], { capture: true });
    expect(result.output).toMatch(/Your API description is valid/);
    expect(result.output).not.toMatch(/\d+ (error|warning)s?\b/);
    expect(result.status).toBe(0);
  });

  test.each([
    ["unresolved-ref", "Can't resolve $ref"],
    ["no-operation-id", "operation-operationId"],
    ["no-retry-decision", "signhub/operation-retry-decision"],
    ["empty-retry-decision", "`x-signhub-retry.safe` must be true or false"],
    ["empty-retry-decision", "`x-signhub-retry.reason` must say why"],
    ["retry-without-reason", "`x-signhub-retry.reason` must say why"],
  ])("fails %s, naming the file and the rule", (name, problem) => {
    const result = lint(root, [name], { capture: true });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(`specs/${name}/openapi.yaml`);
    expect(result.output).toContain(problem);
  });
});
