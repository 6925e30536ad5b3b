import { expectNoSecrets } from "@signhub/contract";
import { BadRequestError } from "@signhub/core";
import { describe, expect, test } from "vitest";
import { createIgnisignClient, parseIgnisignError } from "../../src/index.js";

const apiKey = "skv2_live_9f8e7d6c5b4a39281706";
const path = { appId: "app_1", appEnv: "PRODUCTION", signerId: "66a7b5c4e1f2a3b4c5d6e7f8" } as const;
const on = "Ignisign 400 BODY_VALIDATION_FAILED on PUT /v4/applications/{appId}/envs/{appEnv}/signers/{signerId}";

/** The error an update of a signer throws when Ignisign answers 400 with `message`. */
function errorFor(message: unknown) {
  const body = { message, timestamp: "2024-07-29T15:51:28.071Z", status: 400, code: "BODY_VALIDATION_FAILED", context: {} };
  return createIgnisignClient({ apiKey, fetch: async () => Response.json(body, { status: 400 }) })
    .updateSigner({ params: { path }, body: { email: "not-an-email" } })
    .catch((e: unknown) => e);
}

describe("Ignisign's error message", () => {
  test("a list of validation messages is the error's message, in Ignisign's words", async () => {
    const error = await errorFor(["email must be an email", "birthDate must be a valid ISO 8601 date string"]);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ status: 400, code: "BODY_VALIDATION_FAILED" });
    expect((error as Error).message).toBe(`${on}: email must be an email; birthDate must be a valid ISO 8601 date string`);
  });

  test("the body keeps the list as Ignisign sent it", async () => {
    const error = (await errorFor(["email must be an email"])) as BadRequestError;
    expect(error.body).toMatchObject({ message: ["email must be an email"] });
  });

  test("only the strings of a list are read", async () => {
    const error = await errorFor(["email must be an email", { constraints: { isEmail: "x" } }, 3, "", "  "]);
    expect((error as Error).message).toBe(`${on}: email must be an email`);
  });

  test("a list without a string leaves the message to the status, code and operation", async () => {
    expect(((await errorFor([])) as Error).message).toBe(on);
    expect(((await errorFor([{ property: "email" }])) as Error).message).toBe(on);
  });

  test("a listed message that repeats the API key does not show it", async () => {
    const error = await errorFor([`API key ${apiKey} is not valid`, "email must be an email"]);
    expectNoSecrets(error, [apiKey]);
    expect((error as Error).message).toContain("email must be an email");
  });

  test("a message that is a string is read as it was, and a code as the body gives it", () => {
    expect(parseIgnisignError({ message: "Signer not found", code: "SIGNER_NOT_FOUND" })).toEqual({ code: "SIGNER_NOT_FOUND", message: "Signer not found" });
    expect(parseIgnisignError({ message: ["a", "b"] })).toEqual({ code: undefined, message: "a; b" });
    expect(parseIgnisignError({})).toEqual({ code: undefined, message: undefined });
  });
});
