import { ConflictError, NotFoundError, UnprocessableEntityError } from "@signhub/core";
import { describe, expect, test } from "vitest";
import { type components, createNevisIdmClient } from "../../src/index.js";

type MobileSignature = components["schemas"]["MobileSignature"];

const baseUrl = "https://api.acme.getnevis.net";
const path = { clientExtId: "client-123", userExtId: "user-123" };
const url = `${baseUrl}/nevisidm/api/core/v1/client-123/users/user-123/mobile-signature`;
const provision = { identificator: "41791234567", msspIdentifier: "http://mssp.nevis.test/mssp", msisdn: "+41791234567" };

/**
 * An in-memory stand-in for one user's mobile signature on nevisIDM: one credential per user, `version`
 * checked on PATCH (409 when stale), 404 when there is none. `failFirst` answers the first request of a
 * method with that status after applying it, as when a response is lost.
 */
function fakeNevis(failFirst: Partial<Record<string, number>> = {}) {
  let credential: MobileSignature | undefined;
  const seen: { method: string; url: string; body: unknown }[] = [];
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  const fetch = async (requestUrl: string, init: RequestInit) => {
    const method = init.method ?? "GET";
    const body = init.body === undefined || init.body === null ? undefined : JSON.parse(String(init.body));
    seen.push({ method, url: requestUrl, body });
    let answer: Response;
    if (method === "POST") {
      answer = credential
        ? json(422, { message: "Only one mobile signature credential is allowed per user" })
        : json(201, (credential = { ...body, stateName: body.stateName ?? "active", version: 1, type: "MobileSignature", userExtId: "user-123" }));
    } else if (!credential) {
      answer = json(404, { message: "Mobile signature not found" });
    } else if (method === "GET") {
      answer = json(200, credential);
    } else if (method === "PATCH") {
      answer =
        body.version !== credential.version
          ? json(409, { message: "resource may have been modified concurrently" })
          : json(200, (credential = { ...credential, ...body, version: credential.version! + 1 }));
    } else {
      credential = undefined;
      answer = new Response(null, { status: 204 });
    }
    const status = failFirst[method];
    if (status !== undefined) {
      delete failFirst[method];
      return json(status, { message: "Service unavailable" });
    }
    return answer;
  };
  return { fetch, seen, current: () => credential };
}

describe("the mobile signature lifecycle", () => {
  test("create, read the version, activate with it, then delete: each on the credential's one path", async () => {
    const nevis = fakeNevis();
    const client = createNevisIdmClient({ baseUrl, fetch: nevis.fetch, accessToken: "token-abcdefgh" });

    const created = await client.createMobileSignature({ params: { path }, body: { ...provision, stateName: "initial" } });
    expect(created).toMatchObject({ stateName: "initial", version: 1, msisdn: "+41791234567" });
    const { version } = await client.getMobileSignature({ params: { path } });
    const activated = await client.updateMobileSignature({ params: { path }, body: { stateName: "active", version } });
    expect(activated).toMatchObject({ stateName: "active", version: 2 });
    await expect(client.deleteMobileSignature({ params: { path } })).resolves.toBeUndefined();

    expect(nevis.seen.map((r) => `${r.method} ${r.url}`)).toEqual([`POST ${url}`, `GET ${url}`, `PATCH ${url}`, `DELETE ${url}`]);
    expect(nevis.seen[0]!.body).toEqual({ ...provision, stateName: "initial" });
    expect(nevis.current()).toBeUndefined();
  });

  test("an update with the version read before someone else's update is a ConflictError", async () => {
    const nevis = fakeNevis();
    const client = createNevisIdmClient({ baseUrl, fetch: nevis.fetch, accessToken: "token-abcdefgh" });
    await client.createMobileSignature({ params: { path }, body: provision });
    await client.updateMobileSignature({ params: { path }, body: { msisdn: "+41790000000", version: 1 } });
    await expect(client.updateMobileSignature({ params: { path }, body: { stateName: "disabled", version: 1 } })).rejects.toBeInstanceOf(ConflictError);
    expect(nevis.current()).toMatchObject({ stateName: "active", version: 2 });
  });

  test("a create whose answer is lost is retried, and the repeat is refused rather than creating a second credential", async () => {
    // The credential is stored, but the first answer is a 503: the retry meets the one-per-user rule.
    const nevis = fakeNevis({ POST: 503 });
    const client = createNevisIdmClient({ baseUrl, fetch: nevis.fetch, accessToken: "token-abcdefgh" });
    await expect(client.createMobileSignature({ params: { path }, body: provision })).rejects.toBeInstanceOf(UnprocessableEntityError);
    expect(nevis.seen.map((r) => r.method)).toEqual(["POST", "POST"]);
    // What the spec tells the caller to do next: read it back and compare.
    await expect(client.getMobileSignature({ params: { path } })).resolves.toMatchObject(provision);
  });

  test("a delete whose answer is lost is retried, and the repeat finds nothing to delete", async () => {
    const nevis = fakeNevis({ DELETE: 503 });
    const client = createNevisIdmClient({ baseUrl, fetch: nevis.fetch, accessToken: "token-abcdefgh" });
    await client.createMobileSignature({ params: { path }, body: provision });
    const error = await client.deleteMobileSignature({ params: { path } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toBe(
      "Nevis nevisIDM 404 on DELETE /nevisidm/api/core/v1/{clientExtId}/users/{userExtId}/mobile-signature: Mobile signature not found",
    );
    expect(nevis.current()).toBeUndefined();
  });

  test("reading a user without a mobile signature is a NotFoundError", async () => {
    const client = createNevisIdmClient({ baseUrl, fetch: fakeNevis().fetch, accessToken: "token-abcdefgh" });
    await expect(client.getMobileSignature({ params: { path } })).rejects.toBeInstanceOf(NotFoundError);
  });
});
