import { expect, test } from "vitest";
import { errorFields } from "../../src/index.js";

test("reads code and message by path, first present wins", () => {
  const parse = errorFields({ code: ["errorCode", "data.reason"], message: "data.detail" });
  expect(parse({ data: { reason: "record.not-found", detail: "Signer not found" } })).toEqual({
    code: "record.not-found",
    message: "Signer not found",
  });
  expect(parse({ errorCode: 12, data: { reason: "x" } })).toEqual({ code: "12", message: undefined });
});

test("reads an array's item by its index", () => {
  const parse = errorFields({ code: "errors.0.code", message: "errors.0.detail" });
  expect(parse({ errors: [{ code: "invalid", detail: "Name is blank" }, { code: "other" }] })).toEqual({ code: "invalid", message: "Name is blank" });
  expect(parse({ errors: [] })).toEqual({ code: undefined, message: undefined });
});

test("ignores bodies of another shape", () => {
  const parse = errorFields({ code: "code", message: "message" });
  expect(parse("<html>")).toEqual({ code: undefined, message: undefined });
  expect(parse({ code: { nested: true }, message: "" })).toEqual({ code: undefined, message: undefined });
});
