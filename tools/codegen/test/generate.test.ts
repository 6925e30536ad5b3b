import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, test } from "vitest";
import { generate, lint, SpecError } from "../src/index.js";

const root = fileURLToPath(new URL("./fixtures/workspace/", import.meta.url));
afterAll(() => rmSync(join(root, "out"), { recursive: true, force: true }));

describe("generate", () => {
  test("writes the types and an operation table with each operation's retry decision and JSON statuses", async () => {
    await generate(root, "good");
    const table = readFileSync(join(root, "out/good/operations.ts"), "utf8");
    expect(table).toContain(`getThing: {"method":"get","path":"/things/{id}","retrySafe":true,"jsonStatuses":[200]}`);
    expect(table).toContain(`touchThing: {"method":"post","path":"/things/{id}","retrySafe":false,"jsonStatuses":[]}`);
    expect(readFileSync(join(root, "out/good/schema.ts"), "utf8")).toContain("getThing: {");
  });

  test.each([
    ["unresolved-ref", "specs/unresolved-ref.yaml: unresolved $ref #/components/responses/Missing"],
    ["no-operation-id", "specs/no-operation-id.yaml: POST /things/{id} has no usable operationId"],
    ["no-retry-decision", "specs/no-retry-decision.yaml: POST /things/{id} (touchThing) has no x-signhub-retry.safe"],
    ["not-yaml", "specs/not-yaml.yaml: not valid YAML"],
  ])("a broken spec (%s) fails with a message naming the file and the problem", async (name, message) => {
    const error = await generate(root, name).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpecError);
    expect((error as Error).message).toContain(message);
  });

  test("an unknown provider lists the known ones", async () => {
    await expect(generate(root, "nope")).rejects.toThrow('redocly.yaml lists no API named "nope" (known: good, unresolved-ref');
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
    ["no-retry-decision", "rule/operation-retry-decision"],
  ])("fails %s, naming the file and the rule", (name, problem) => {
    const result = lint(root, [name], { capture: true });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(`specs/${name}.yaml`);
    expect(result.output).toContain(problem);
  });
});
