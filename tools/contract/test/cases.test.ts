import { describe, expect, test } from "vitest";
import { contractCases, jsonTypeOf } from "../src/index.js";

const response = { description: "A response." };
const cases = (keys: string[]) =>
  contractCases(Object.fromEntries(keys.map((key) => [key, response]))).map(({ key, status, success }) => [key, status, success]);

describe("the contract cases of an operation", () => {
  test.each<[string, string[], [string, number, boolean][]]>([
    [
      "one case per documented status",
      ["200", "404"],
      [
        ["200", 200, true],
        ["404", 404, false],
      ],
    ],
    [
      "a range at its first status not documented on its own",
      ["200", "2XX", "4xx"],
      [
        ["200", 200, true],
        ["2XX", 201, true],
        ["4xx", 400, false],
      ],
    ],
    [
      "default as an error at a status nothing else covers",
      ["200", "5XX", "default"],
      [
        ["200", 200, true],
        ["5XX", 500, false],
        ["default", 400, false],
      ],
    ],
    [
      "default also as the success when no 2xx is documented",
      ["default"],
      [
        ["default", 200, true],
        ["default", 500, false],
      ],
    ],
    ["an API whose responses are all 2XX still has a case", ["2XX"], [["2XX", 200, true]]],
    ["informational responses and extensions give none", ["101", "1XX", "x-note"], []],
    ["a redirect is an error case, as the client throws it", ["302"], [["302", 302, false]]],
    // Box documents 304 on its conditional GETs: core resolves it, without content (RFC 9110 §15.4.5).
    [
      "a 304 Not Modified is a success",
      ["200", "304"],
      [
        ["200", 200, true],
        ["304", 304, true],
      ],
    ],
  ])("%s", (_, keys, want) => {
    expect(cases(keys)).toEqual(want);
  });
});

describe("the JSON type a response without an example is checked against", () => {
  test.each<[string, Record<string, unknown> | undefined, ReturnType<typeof jsonTypeOf>]>([
    ["an array schema: an array, not any object", { type: "array", items: {} }, { type: "array", nullable: false }],
    ["an integer: a number", { type: "integer" }, { type: "number", nullable: false }],
    ["3.0's nullable string", { type: "string", nullable: true }, { type: "string", nullable: true }],
    ["3.1's type list with null", { type: ["boolean", "null"] }, { type: "boolean", nullable: true }],
    ["properties without a type: an object", { properties: { id: {} } }, { type: "object", nullable: false }],
    ["oneOf: any JSON value", { oneOf: [{ type: "string" }, { type: "integer" }] }, undefined],
    ["no schema: any JSON value", undefined, undefined],
  ])("%s", (_, schema, want) => {
    expect(jsonTypeOf(schema)).toEqual(want);
  });
});
