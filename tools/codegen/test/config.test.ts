import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, test } from "vitest";
import { readApis, SpecError } from "../src/index.js";

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A workspace whose redocly.yaml lists `listing` and whose specs/acme/redocly.yaml is `own` (absent if undefined). */
function workspace(listing: string, own: string | undefined): string {
  root = mkdtempSync(join(tmpdir(), "signhub-config-"));
  writeFileSync(join(root, "redocly.yaml"), listing);
  mkdirSync(join(root, "specs/acme"), { recursive: true });
  if (own !== undefined) writeFileSync(join(root, "specs/acme/redocly.yaml"), own);
  return root;
}

const listed = "apis:\n  acme:\n    root: specs/acme/openapi.yaml\n";
const own = "apis:\n  acme:\n    root: openapi.yaml\n    x-openapi-ts:\n      output: ../../packages/acme/src/generated/schema.ts\n";

test("reads a provider from its own config, paths relative to it", () => {
  expect(readApis(workspace(listed, own))).toEqual([
    {
      name: "acme",
      config: join(root, "specs/acme/redocly.yaml"),
      spec: join(root, "specs/acme/openapi.yaml"),
      output: join(root, "packages/acme/src/generated/schema.ts"),
    },
  ]);
});

test.each([
  ["no config of its own", listed, undefined, "redocly.yaml: apis.acme has no config of its own: write specs/acme/redocly.yaml"],
  ["another API in its config", listed, own.replace("acme:", "other:"), "specs/acme/redocly.yaml: must list exactly one API, acme"],
  ["a second API in its config", listed, `${own}  other:\n    root: x.yaml\n`, "specs/acme/redocly.yaml: must list exactly one API, acme"],
  ["no output", listed, "apis:\n  acme:\n    root: openapi.yaml\n", "specs/acme/redocly.yaml: apis.acme has no x-openapi-ts.output"],
  [
    "a listing naming another spec",
    listed.replace("specs/acme/openapi.yaml", "specs/acme/old.yaml"),
    own,
    "redocly.yaml: apis.acme.root must be specs/acme/openapi.yaml, the spec specs/acme/redocly.yaml names",
  ],
])("%s is a SpecError naming the file", (_, listing, config, message) => {
  const error = (() => {
    try {
      readApis(workspace(listing, config));
    } catch (e) {
      return e;
    }
  })();
  expect(error).toBeInstanceOf(SpecError);
  expect((error as Error).message).toContain(message);
});
