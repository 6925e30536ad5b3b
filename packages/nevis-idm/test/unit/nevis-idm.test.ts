import { expectNoSecrets } from "@signhub/contract";
import { AuthenticationError, ConflictError } from "@signhub/core";
import { describe, expect, test } from "vitest";
import { createNevisIdmClient } from "../../src/index.js";

const baseUrl = "https://api.acme.getnevis.net";
const path = { clientExtId: "client-123", userExtId: "user-123" };
const credential = { extId: "ms-1", version: 4, stateName: "active", type: "MobileSignature" };

/** A fetch answering from a list of statuses, recording each request's headers and body. */
function server(...statuses: number[]) {
  const seen: { url: string; authorization: string | null; body: unknown }[] = [];
  const fetch = async (url: string, init: RequestInit) => {
    seen.push({ url, authorization: new Headers(init.headers).get("authorization"), body: JSON.parse(String(init.body)) });
    const status = statuses.shift() ?? 200;
    const body = status === 200 ? credential : { message: "resource may have been modified concurrently" };
    return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  };
  return { fetch, seen };
}

describe("nevisIDM client", () => {
  test("PATCHes the mobile signature under the deployment's origin, with the token asked per request", async () => {
    const { fetch, seen } = server(200, 200);
    let issued = 0;
    const client = createNevisIdmClient({ baseUrl, fetch, accessToken: async () => `token-${++issued}-abcdefgh` });
    await expect(client.updateMobileSignature({ params: { path }, body: { stateName: "active", version: 3 } })).resolves.toEqual(credential);
    await client.updateMobileSignature({ params: { path }, body: { version: 4 } });
    expect(seen.map((r) => r.url)).toEqual([
      `${baseUrl}/nevisidm/api/core/v1/client-123/users/user-123/mobile-signature`,
      `${baseUrl}/nevisidm/api/core/v1/client-123/users/user-123/mobile-signature`,
    ]);
    expect(seen.map((r) => r.authorization)).toEqual(["Bearer token-1-abcdefgh", "Bearer token-2-abcdefgh"]);
  });

  test("after a 401 asks for a fresh token once and retries once", async () => {
    const { fetch, seen } = server(401, 200);
    const asked: boolean[] = [];
    const client = createNevisIdmClient({
      baseUrl,
      fetch,
      accessToken: ({ forceRefresh }) => (asked.push(forceRefresh), forceRefresh ? "fresh-token-123" : "expired-token-123"),
    });
    await expect(client.updateMobileSignature({ params: { path }, body: { version: 3 } })).resolves.toEqual(credential);
    expect(asked).toEqual([false, true]);
    expect(seen.map((r) => r.authorization)).toEqual(["Bearer expired-token-123", "Bearer fresh-token-123"]);
    expect(seen[1]!.body).toEqual({ version: 3 });
  });

  test("a 401 with the fresh token too is an AuthenticationError that shows neither token", async () => {
    const { fetch, seen } = server(401, 401, 200);
    let issued = 0;
    const tokens = ["first-token-abcdef", "second-token-abcdef"];
    const client = createNevisIdmClient({ baseUrl, fetch, accessToken: () => tokens[issued++]! });
    const error = await client.updateMobileSignature({ params: { path }, body: { version: 3 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(seen).toHaveLength(2);
    expectNoSecrets(error, tokens);
  });

  test("a stale version is a ConflictError, not retried", async () => {
    const { fetch, seen } = server(409, 200);
    const error = await createNevisIdmClient({ baseUrl, fetch, accessToken: "token-abcdefgh" })
      .updateMobileSignature({ params: { path }, body: { version: 2 } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).message).toBe(
      "Nevis nevisIDM 409 on PATCH /nevisidm/api/core/v1/{clientExtId}/users/{userExtId}/mobile-signature: resource may have been modified concurrently",
    );
    expect(seen).toHaveLength(1);
  });

  test("a 503 is retried: the spec marks this PATCH safe to repeat", async () => {
    const { fetch, seen } = server(503, 200);
    await createNevisIdmClient({ baseUrl, fetch, accessToken: "token-abcdefgh" }).updateMobileSignature({ params: { path }, body: { version: 3 } });
    expect(seen).toHaveLength(2);
  });
});
