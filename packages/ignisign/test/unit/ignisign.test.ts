import { expectNoSecrets } from "@signhub/contract";
import { AuthenticationError, ConnectionError, InvalidRequestError, NotFoundError, REDACTED } from "@signhub/core";
import { describe, expect, test } from "vitest";
import { createIgnisignClient } from "../../src/index.js";

const apiKey = "skv2_live_9f8e7d6c5b4a39281706";
const path = { appId: "app_1", appEnv: "PRODUCTION", signerId: "66a7b5c4e1f2a3b4c5d6e7f8" } as const;

const answer = (status: number, body: unknown) => async (_url: string, init: RequestInit) => {
  seen.push(new Headers(init.headers));
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
};
let seen: Headers[] = [];

describe("Ignisign client", () => {
  test("sends the API key as a bearer token to the published base URL", async () => {
    seen = [];
    let url = "";
    const client = createIgnisignClient({
      apiKey,
      fetch: async (u, init) => ((url = u), answer(200, { authSecret: "as_new" })(u, init)),
    });
    await expect(client.regenerateSignerAuthSecret({ params: { path } })).resolves.toEqual({ authSecret: "as_new" });
    expect(url).toBe("https://api.ignisign.io/v4/applications/app_1/envs/PRODUCTION/signers/66a7b5c4e1f2a3b4c5d6e7f8/regenerate-auth-secret");
    expect(seen[0]!.get("authorization")).toBe(`Bearer ${apiKey}`);
  });

  test("maps Ignisign's error body to code and message", async () => {
    const body = { message: "Signer not found", timestamp: "2024-07-29T15:51:28.071Z", status: 404, code: "SIGNER_NOT_FOUND", context: {} };
    const error = await createIgnisignClient({ apiKey, fetch: answer(404, body) })
      .regenerateSignerAuthSecret({ params: { path } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, code: "SIGNER_NOT_FOUND", provider: "ignisign" });
    expect((error as Error).message).toBe(
      "Ignisign 404 SIGNER_NOT_FOUND on PUT /v4/applications/{appId}/envs/{appEnv}/signers/{signerId}/regenerate-auth-secret: Signer not found",
    );
  });

  test("never shows the API key or an auth secret in an error", async () => {
    const body = {
      message: `API key ${apiKey} is not valid`,
      timestamp: "2024-07-29T15:51:28.071Z",
      status: 401,
      code: "API_KEY_NOT_FOUND",
      context: { authSecret: "as_leaked_0123456789", apiKey },
    };
    const error = await createIgnisignClient({ apiKey, fetch: answer(401, body) })
      .updateSigner({ params: { path }, body: {} })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expectNoSecrets(error, [apiKey, "as_leaked_0123456789"]);
    expect((error as AuthenticationError).body).toMatchObject({ context: { authSecret: REDACTED, apiKey: REDACTED } });
  });

  test("a refused connection is a ConnectionError that does not show the key", async () => {
    const cause = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" });
    const error = await createIgnisignClient({
      apiKey,
      maxRetries: 0,
      fetch: async () => {
        throw new TypeError("fetch failed", { cause });
      },
    })
      .updateSigner({ params: { path } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expectNoSecrets(error, [apiKey]);
  });
});

describe("path values that would change the endpoint", () => {
  test.each([
    ["..", ".."],
    [".", "."],
    ["an empty string", ""],
    ["undefined", undefined],
  ])("signerId %s is refused and nothing is sent, the API key least of all", async (_, signerId) => {
    let calls = 0;
    const client = createIgnisignClient({ apiKey, fetch: async () => (calls++, new Response("{}")) });
    const error = await client.regenerateSignerAuthSecret({ params: { path: { ...path, signerId: signerId as string } } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error).toMatchObject({ operationId: "regenerateSignerAuthSecret", parameter: "signerId" });
    expect(calls).toBe(0);
    expectNoSecrets(error, [apiKey]);
  });

  test("a missing signerId is refused, not sent as the literal %7BsignerId%7D", async () => {
    let calls = 0;
    const client = createIgnisignClient({ apiKey, fetch: async () => (calls++, new Response("{}")) });
    const { signerId: _, ...rest } = path;
    await expect(client.regenerateSignerAuthSecret({ params: { path: rest } } as never)).rejects.toThrow('path parameter "signerId" is missing');
    expect(calls).toBe(0);
  });
});
