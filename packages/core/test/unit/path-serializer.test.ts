import { defaultPathSerializer } from "openapi-fetch";
import { expect, test } from "vitest";
import { compilePathTemplate } from "../../src/path-serializer.js";

const template = "https://api.acme.test/v1/things/{id}/parts/{part}";
const fill = compilePathTemplate(template);

test("every printable ASCII character, and some beyond, is encoded as openapi-fetch encodes it", () => {
  const values: unknown[] = [];
  for (let code = 0x20; code < 0x7f; code++) values.push(String.fromCharCode(code), `a${String.fromCharCode(code)}b`);
  values.push("é", "日本", "😀", "", 0, 42, -1.5, true, false);
  for (const value of values) {
    const params = { id: value, part: "p" };
    expect(fill(params), JSON.stringify(value)).toBe(defaultPathSerializer(template, params));
  }
});

test("a missing parameter stays a placeholder; label, matrix and object values go to openapi-fetch", () => {
  expect(fill({ part: "p" })).toBe(defaultPathSerializer(template, { part: "p" }));
  const params = { id: { a: "1", b: "2" }, part: ["x", "y"] };
  expect(fill(params)).toBe(defaultPathSerializer(template, params));
  const labelled = "https://api.acme.test/{.id}/{;part}";
  expect(compilePathTemplate(labelled)({ id: "a", part: "b" })).toBe(defaultPathSerializer(labelled, { id: "a", part: "b" }));
});
