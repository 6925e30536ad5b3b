import { type HeadersOptions, mergeHeaders } from "openapi-fetch";
import { expect, test } from "vitest";
import { headerRecordOf, mergeHeaderRecord } from "../../src/headers.js";

// What `fetch` would send for a record, as a `Headers`: names lowercased, values normalized, sorted.
const asSent = (init: HeadersInit) => [...new Headers(init)];

const cases: [string, (HeadersOptions | undefined)[]][] = [
  ["later sources win, whatever the case of the name", [{ "Content-Type": "application/json" }, { "content-type": "text/plain" }]],
  ["null removes a header set earlier", [{ "x-a": "1", "x-b": "2" }, { "X-A": null }]],
  ["undefined is skipped", [{ "x-a": "1" }, { "x-a": undefined }]],
  ["arrays append, after an earlier value too", [{ accept: "text/plain" }, { accept: ["application/json", "text/html"] }]],
  ["cookies append with a semicolon", [{ cookie: "a=1" }, { cookie: ["b=2"] }]],
  ["numbers and booleans become strings", [{ "x-n": 7, "x-b": true } as HeadersOptions]],
  ["leading and trailing whitespace is dropped", [{ "x-a": "  padded\t" }]],
  ["a Headers source", [new Headers({ "X-From-Headers": "h" }), { "x-other": "o" }]],
  ["no sources", [undefined, undefined]],
];

test.each(cases)("mergeHeaderRecord sends what openapi-fetch's mergeHeaders sends: %s", (_, sources) => {
  const record = mergeHeaderRecord(...sources);
  expect(asSent(record)).toEqual([...mergeHeaders(...sources)]);
  for (const name of Object.keys(record)) expect(name).toBe(name.toLowerCase());
});

test("a header named __proto__ is a header, not the record's prototype", () => {
  const record = mergeHeaderRecord(JSON.parse('{"__proto__": "x"}'));
  expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
  expect(Object.keys(record)).toEqual(["__proto__"]);
  expect(record["__proto__"]).toBe("x");
});

test("a name the record's prototype has (constructor) is a plain header", () => {
  expect(mergeHeaderRecord({ constructor: ["c", "d"] })).toEqual({ constructor: "c, d" });
});

test("headerRecordOf reads every HeadersInit form alike", () => {
  const expected = { "x-a": "1, 2", "x-b": "3" };
  expect(
    headerRecordOf([
      ["X-A", "1"],
      ["x-a", "2"],
      ["x-b", "3"],
    ]),
  ).toEqual(expected);
  expect(
    headerRecordOf(
      new Headers([
        ["X-A", "1"],
        ["x-a", "2"],
        ["x-b", "3"],
      ]),
    ),
  ).toEqual(expected);
  expect(headerRecordOf({ "X-A": "1, 2", "x-b": "3" })).toEqual(expected);
  expect(headerRecordOf(undefined)).toEqual({});
});
