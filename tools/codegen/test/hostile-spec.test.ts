import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { afterEach, expect, test } from "vitest";
import { generate, newProvider } from "../src/index.js";
import { workspaceCopy } from "./workspace-copy.js";

let root: string | undefined;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

/** Every call of `name` a TypeScript file makes, and its syntax errors: text from a spec must stay text. */
function callsOf(file: string, name: string): { calls: number; syntaxErrors: number } {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  let calls = 0;
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === name) calls++;
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { calls, syntaxErrors: (source as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics.length };
}

test("a spec's words that would end a comment or a line write no code into the package", async () => {
  root = workspaceCopy("signhub-hostile-spec-");
  const evil = "*/ evil(); /*";
  const spec = {
    openapi: "3.1.0",
    info: { title: `Hostile ${evil}`, version: "1" },
    servers: [{ url: "https://hostile.test" }],
    security: [{ [`key\nevil();//`]: [] }, { [`tls ${evil}`]: [] }],
    paths: {
      [`/things/${evil}`]: {
        get: {
          operationId: "getThings",
          summary: `Things ${evil}`,
          description: `More ${evil}`,
          responses: { "200": { description: `OK ${evil}`, content: { "application/json": { schema: { type: "object", description: evil } } } } },
        },
      },
    },
    components: {
      securitySchemes: {
        [`key\nevil();//`]: { type: "apiKey", in: "header", name: "X-Key", description: evil },
        [`tls ${evil}`]: { type: "mutualTLS" },
      },
    },
  };
  const file = join(root, "hostile.json");
  writeFileSync(file, JSON.stringify(spec));
  await newProvider(root, { name: "hostile", from: file });
  await generate(root, "hostile");
  for (const written of ["src/index.ts", "src/generated/operations.ts", "src/generated/schema.ts", "test/contract/hostile.test.ts"]) {
    expect(callsOf(join(root, "packages/hostile", written), "evil"), written).toEqual({ calls: 0, syntaxErrors: 0 });
  }
});
