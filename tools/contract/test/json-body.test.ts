import { describe, expect, test } from "vitest";
import { expectJsonBody } from "../src/index.js";

describe("a success's JSON body the spec gives no example of", () => {
  test.each<[string, unknown]>([
    ["no body at all, which core resolves to undefined", undefined],
    ["an object", { id: 1 }],
    ["null", null],
    ["a string", "ok"],
  ])("without a schema, may be %s", (_, result) => {
    expect(() => expectJsonBody(result, undefined)).not.toThrow();
  });

  test("without a schema, is still not a Blob", () => {
    expect(() => expectJsonBody(new Blob(["x"]), undefined)).toThrow("not JSON");
  });

  test.each<[string, Record<string, unknown>, unknown]>([
    ["a typed schema's: missing", { type: "object" }, undefined],
    ["a typed schema's: of another type", { type: "array" }, { id: 1 }],
    ["a schema without a single type's: missing", { oneOf: [{ type: "string" }, { type: "integer" }] }, undefined],
  ])("fails when %s", (_, schema, result) => {
    expect(() => expectJsonBody(result, schema)).toThrow();
  });
});
