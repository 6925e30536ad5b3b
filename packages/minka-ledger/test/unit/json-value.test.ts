import { describe, expect, test } from "vitest";
import { createProof, hashRecordData, JsonValueError, signRecord } from "../../src/records/index.js";
import { TEST_SIGNER_KEY_PAIR } from "../fixtures/test-keys.js";

/** What `run` throws (it must throw). */
function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}

const cycle: Record<string, unknown> = { a: { list: [] } };
(cycle.a as { list: unknown[] }).list.push(cycle);

describe("data with no JSON form is refused before hashing, naming where", () => {
  const cases: [string, unknown, string, string][] = [
    // [what, data, path, problem]
    ["a sparse array's hole", { list: [1, , 3] }, "data.list[1]", "a hole in a sparse array"],
    ["an array with only holes", { list: new Array(2) }, "data.list[0]", "a hole in a sparse array"],
    ["an undefined member", { a: { b: undefined } }, "data.a.b", "undefined"],
    ["an undefined item", [1, undefined], "data[1]", "undefined"],
    ["undefined itself", undefined, "data", "undefined"],
    ["a function deep inside", { a: [{ f() {} }] }, "data.a[0].f", "a function"],
    ["a function item", [() => 1], "data[0]", "a function"],
    ["a symbol member", { s: Symbol("s") }, "data.s", "a symbol"],
    ["a symbol item", { list: [Symbol("s")] }, "data.list[0]", "a symbol"],
    ["a BigInt", { n: 1n }, "data.n", "a BigInt"],
    ["NaN", { n: Number.NaN }, "data.n", "NaN"],
    ["Infinity", { n: [Number.POSITIVE_INFINITY] }, "data.n[0]", "Infinity"],
    ["-Infinity", { n: Number.NEGATIVE_INFINITY }, "data.n", "-Infinity"],
    ["a cycle", cycle, "data.a.list[0]", "a cycle back to data"],
    ["a lone surrogate", { title: "a\ud800b" }, "data.title", "a string with a lone surrogate"],
    ["a member name that is not an identifier", { "my key": undefined }, 'data["my key"]', "undefined"],
    ["a toJSON that gives undefined", { at: { toJSON: () => undefined } }, "data.at", "undefined"],
  ];

  test.each(cases)("hashRecordData refuses %s", (_what, data, path, problem) => {
    const error = thrown(() => hashRecordData(data));
    expect(error).toBeInstanceOf(JsonValueError);
    expect(error).toBeInstanceOf(TypeError);
    expect(error).toMatchObject({ name: "JsonValueError", path, message: `${path} has no JSON form: ${problem}` });
  });

  test("signRecord refuses { list: [1, , 3] } rather than hash the text [1,,3]", () => {
    expect(() => signRecord({ list: [1, , 3] }, TEST_SIGNER_KEY_PAIR)).toThrow(new JsonValueError("data.list[1]", "a hole in a sparse array"));
  });

  test("createProof refuses a custom with no JSON form, naming it from custom", () => {
    const error = thrown(() => createProof("ab", TEST_SIGNER_KEY_PAIR, { moment: undefined }));
    expect(error).toMatchObject({ name: "JsonValueError", path: "custom.moment" });
  });

  test("a Date is written through its toJSON, as JSON.stringify writes it", () => {
    const at = "2025-04-05T14:30:00.000Z";
    expect(hashRecordData({ at: new Date(at) })).toBe(hashRecordData({ at }));
  });
});
