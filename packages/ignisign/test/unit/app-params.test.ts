import { expectNoSecrets } from "@signhub/contract";
import { InvalidRequestError } from "@signhub/core";
import { describe, expect, test } from "vitest";
import { appOfApiKey, createIgnisignClient, type IgnisignClientOptions, isIgnisignAppApiKey } from "../../src/index.js";

const keyOfApp = "skv2_development_4b8e6f1c-2d3a-4e5f-9a0b-1c2d3e4f5a6b_s3cr3tPart" as const;
const otherKey: string = "skv2_live_9f8e7d6c5b4a39281706";
const signerId = "66a7b5c4e1f2a3b4c5d6e7f8";

/** A client whose `fetch` records each URL it is asked for and answers `body` as JSON. */
function recording<O extends IgnisignClientOptions>(options: O, body: unknown = { signerId }) {
  const urls: string[] = [];
  const client = createIgnisignClient({
    ...options,
    fetch: async (url: string) => (urls.push(url), Response.json(body)),
  });
  return { client, urls };
}

describe("the application and environment of an API key", () => {
  test("are read from an skv2_<env>_<app>_<secret> key as Ignisign's SDK reads them", () => {
    expect(appOfApiKey(keyOfApp)).toEqual({ appId: "appId_4b8e6f1c-2d3a-4e5f-9a0b-1c2d3e4f5a6b", appEnv: "DEVELOPMENT" });
    expect(appOfApiKey("skv2_staging_app1_secret")).toEqual({ appId: "appId_app1", appEnv: "STAGING" });
    expect(appOfApiKey("skv2_production_app1_secret_with_underscores")).toEqual({ appId: "appId_app1", appEnv: "PRODUCTION" });
  });

  test.each([
    ["a key without an environment part", otherKey],
    ["a key of two parts", "skv2_test"],
    ["another key version", "skv1_development_app1_secret"],
    ["an unknown environment", "skv2_sandbox_app1_secret"],
    ["an environment not in lower case", "skv2_DEVELOPMENT_app1_secret"],
    ["an empty application part", "skv2_development__secret"],
    ["no secret part", "skv2_development_app1"],
    ["an empty string", ""],
  ])("are not read from %s", (_, apiKey) => {
    expect(appOfApiKey(apiKey)).toBeUndefined();
    expect(isIgnisignAppApiKey(apiKey)).toBe(false);
  });
});

describe("appId and appEnv set once on the client", () => {
  test("a call that leaves them out goes to the application and environment the key names", async () => {
    const { client, urls } = recording({ apiKey: keyOfApp });
    await client.getSignerSummary({ params: { path: { signerId } } });
    expect(urls).toEqual([`https://api.ignisign.io/v4/applications/appId_4b8e6f1c-2d3a-4e5f-9a0b-1c2d3e4f5a6b/envs/DEVELOPMENT/signers/${signerId}`]);
  });

  test("appId and appEnv given to the client win over the key's", async () => {
    const { client, urls } = recording({ apiKey: keyOfApp, appId: "appId_other", appEnv: "PRODUCTION" });
    await client.revokeSigner({ params: { path: { signerId } } });
    expect(urls).toEqual([`https://api.ignisign.io/v4/applications/appId_other/envs/PRODUCTION/signers/${signerId}/revoke`]);
  });

  test("a call's own appId and appEnv win over the client's", async () => {
    const { client, urls } = recording({ apiKey: keyOfApp });
    await client.getSignerSummary({ params: { path: { signerId, appId: "appId_mine", appEnv: "STAGING" } } });
    expect(urls).toEqual([`https://api.ignisign.io/v4/applications/appId_mine/envs/STAGING/signers/${signerId}`]);
  });

  test("an appEnv a call leaves undefined is the client's, its appId its own", async () => {
    const { client, urls } = recording({ apiKey: otherKey, appId: "appId_client", appEnv: "STAGING" });
    await client.getSignerSummary({ params: { path: { signerId, appId: "appId_mine", appEnv: undefined } } });
    expect(urls).toEqual([`https://api.ignisign.io/v4/applications/appId_mine/envs/STAGING/signers/${signerId}`]);
  });

  test("a call without params at all gets them, and withResponse fills them in too", async () => {
    const { client, urls } = recording({ apiKey: otherKey, appId: "appId_client", appEnv: "STAGING" }, { signatureRequestId: "sr1" });
    await expect(client.initSignatureRequest()).resolves.toEqual({ signatureRequestId: "sr1" });
    await expect(client.initSignatureRequest.withResponse({ body: {} })).resolves.toMatchObject({ status: 200, data: { signatureRequestId: "sr1" } });
    expect(urls).toEqual([
      "https://api.ignisign.io/v4/applications/appId_client/envs/STAGING/signature-requests",
      "https://api.ignisign.io/v4/applications/appId_client/envs/STAGING/signature-requests",
    ]);
  });

  test("the caller's request object is left as it was", async () => {
    const { client } = recording({ apiKey: keyOfApp });
    const init = { params: { path: { signerId } } };
    await client.getSignerSummary(init);
    expect(init).toEqual({ params: { path: { signerId } } });
  });

  test("operations without appId or appEnv are sent as the call says", async () => {
    const { client, urls } = recording({ apiKey: keyOfApp }, { signatureRequestId: "sr1" });
    await client.closeSignatureRequest({ params: { path: { signatureRequestId: "sr1" } } });
    expect(urls).toEqual(["https://api.ignisign.io/v4/signature-requests/sr1/close"]);
  });

  test("a client that knows neither refuses a call without them, sending nothing and showing no key", async () => {
    const { client, urls } = recording({ apiKey: otherKey });
    const error = await client.getSignerSummary({ params: { path: { signerId } } } as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error).toMatchObject({ operationId: "getSignerSummary", parameter: "appId" });
    expect(urls).toEqual([]);
    expectNoSecrets(error, [otherKey]);
  });

  test("a client that knows only appEnv still needs each call's appId", async () => {
    const { client, urls } = recording({ apiKey: otherKey, appEnv: "STAGING" });
    await client.getSignerSummary({ params: { path: { signerId, appId: "appId_mine" } } });
    await expect(client.getSignerSummary({ params: { path: { signerId } } } as never)).rejects.toMatchObject({ parameter: "appId" });
    expect(urls).toEqual([`https://api.ignisign.io/v4/applications/appId_mine/envs/STAGING/signers/${signerId}`]);
  });

  test("raw fills in nothing: a raw call without appId is refused", async () => {
    const { client, urls } = recording({ apiKey: keyOfApp });
    await expect(
      client.raw.GET("/v4/applications/{appId}/envs/{appEnv}/signers/{signerId}", { params: { path: { signerId } } } as never),
    ).rejects.toBeInstanceOf(InvalidRequestError);
    expect(urls).toEqual([]);
  });
});
