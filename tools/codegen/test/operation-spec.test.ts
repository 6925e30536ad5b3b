import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { afterAll, expect, test } from "vitest";
// Core's own declaration of the table, read here only: codegen keeps a copy so as not to depend on core.
import { RESERVED_OPERATION_IDS as coreReserved } from "../../../packages/core/src/operation-spec.js";
import { generateFromSpec } from "../src/index.js";
import { RESERVED_OPERATION_IDS } from "../src/operation-spec.js";

const repo = fileURLToPath(new URL("../../../", import.meta.url));
const out = mkdtempSync(join(tmpdir(), "signhub-codegen-compile-"));
// As in a provider package: its files are ES modules.
writeFileSync(join(out, "package.json"), `{ "type": "module" }\n`);
afterAll(() => rmSync(out, { recursive: true, force: true }));

test("reserves the operationIds core reserves", () => {
  expect(RESERVED_OPERATION_IDS).toEqual(coreReserved);
  expect(RESERVED_OPERATION_IDS).toEqual(expect.arrayContaining(["raw", "then", "catch", "finally", "__proto__", "constructor", "toString"]));
});

test("the generated files compile as a provider package compiles them, each table satisfying core's OperationTable", async () => {
  const files: string[] = [];
  for (const spec of ["parameters", "request-body", "responses", "servers", "security", "types"]) {
    const written = await generateFromSpec(fileURLToPath(new URL(`./fixtures/operations/${spec}.yaml`, import.meta.url)), join(out, spec, "schema.ts"));
    files.push(...written.files);
  }
  const base = ts.readConfigFile(join(repo, "tsconfig.base.json"), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(base.config, ts.sys, repo);
  const program = ts.createProgram(files, {
    ...options,
    noEmit: true,
    // The generated tables import their type from "@signhub/core": here, the file that declares it.
    paths: { "@signhub/core": [join(repo, "packages/core/src/operation-spec.ts")] },
  });
  const problems = ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName ?? ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
  expect(problems).toEqual([]);
  expect(program.getSourceFiles().map((file) => file.fileName)).toContain(join(repo, "packages/core/src/operation-spec.ts"));
});
