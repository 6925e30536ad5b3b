import { describe, expect, test } from "vitest";
import { canonicalJson } from "../../src/records/canonical-json.js";
import { JsonValueError } from "../../src/records/json-value.js";

describe("canonicalJson", () => {
  test("writes RFC 8785 §3.2.4's example exactly", () => {
    const input = JSON.parse(
      '{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],' +
        '"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/","literals":[null,true,false]}',
    );
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' + '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  test("sorts member names by UTF-16 code units, as RFC 8785 §3.2.3's example", () => {
    const names = ["\u20ac", "\r", "\ufb33", "1", "\ud83d\ude00", "\u0080", "\u00f6"];
    const rfcOrder = ["\r", "1", "\u0080", "\u00f6", "\u20ac", "\ud83d\ude00", "\ufb33"];
    const object = Object.fromEntries(names.map((name) => [name, 0]));
    expect(canonicalJson(object)).toBe(`{${rfcOrder.map((name) => `${JSON.stringify(name)}:0`).join(",")}}`);
  });

  test("refuses undefined members and items, which JSON.stringify would drop or write as null", () => {
    expect(() => canonicalJson({ b: undefined, a: 1 })).toThrow(new JsonValueError("value.b", "undefined"));
    expect(() => canonicalJson({ a: [undefined, 1] })).toThrow(new JsonValueError("value.a[0]", "undefined"));
  });

  test("writes a value reached twice, but not through a cycle, twice", () => {
    const shared = { x: 1 };
    expect(canonicalJson({ b: shared, a: [shared] })).toBe('{"a":[{"x":1}],"b":{"x":1}}');
  });

  test("uses toJSON, so a Date becomes its ISO string", () => {
    expect(canonicalJson({ at: new Date("2025-04-05T14:30:00.000Z") })).toBe('{"at":"2025-04-05T14:30:00.000Z"}');
  });

  test.each([
    ["undefined", undefined],
    ["NaN", { n: Number.NaN }],
    ["Infinity", [Number.POSITIVE_INFINITY]],
    ["a BigInt", { n: 1n }],
  ])("throws a TypeError for %s, which has no JSON form", (_what, value) => {
    expect(() => canonicalJson(value)).toThrow(TypeError);
  });
});
