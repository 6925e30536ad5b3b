import { inspect } from "node:util";
import { describe, expect, test } from "vitest";
import {
  ApiError,
  AuthenticationError,
  apiErrorClass,
  BadRequestError,
  ConflictError,
  InternalServerError,
  isApiError,
  isSignhubError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RequestTimeoutError,
  UnprocessableEntityError,
} from "../../src/index.js";

describe("apiErrorClass", () => {
  test.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [408, RequestTimeoutError],
    [409, ConflictError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, InternalServerError],
    [503, InternalServerError],
    [418, ApiError],
  ])("picks the class for %i", (status, cls) => {
    expect(apiErrorClass(status)).toBe(cls);
    expect(new (apiErrorClass(status))("x", { status, method: "GET", path: "/" }).name).toBe(cls.name);
  });
});

describe("type guards", () => {
  test("recognise errors from another copy of @signhub/core by name", () => {
    // What a second copy of the package looks like to this one: same names, other classes.
    class SignhubError extends Error {}
    class ApiError extends SignhubError {}
    class NotFoundError extends ApiError {}
    const foreign = new NotFoundError("x");
    expect(isApiError(foreign)).toBe(true);
    expect(isSignhubError(foreign)).toBe(true);
    expect(isApiError(new Error("x"))).toBe(false);
    expect(isApiError(null)).toBe(false);
  });
});

describe("serialization", () => {
  test("toJSON and inspect show the error's fields and nothing else", () => {
    const error = new NotFoundError("Acme 404 NOPE on GET /x: gone", {
      status: 404,
      code: "NOPE",
      method: "GET",
      path: "/x",
      provider: "acme",
      requestId: "r1",
      body: { code: "NOPE" },
      headers: { "content-type": "application/json" },
    });
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "NotFoundError",
      message: "Acme 404 NOPE on GET /x: gone",
      provider: "acme",
      requestId: "r1",
      status: 404,
      code: "NOPE",
      method: "GET",
      path: "/x",
      body: { code: "NOPE" },
      headers: { "content-type": "application/json" },
    });
    expect(inspect(error)).toContain("NotFoundError: Acme 404 NOPE on GET /x: gone");
  });
});
