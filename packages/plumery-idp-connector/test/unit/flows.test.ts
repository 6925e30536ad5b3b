import { BadRequestError, InternalServerError } from "@signhub/core";
import { describe, expect, test } from "vitest";
import { createPlumeryIdpConnectorClient } from "../../src/index.js";

const baseUrl = "https://idp-connector.bank.test";
const correlationId = "22dd73ae-a31f-4422-a1e9-0372c4da0f24";

/** A fetch answering from a list of `[status, body]` (no body for 204), recording each request. */
function connector(...answers: [number, unknown?][]) {
  const seen: { method: string; url: string; requestId: string | null; body: unknown }[] = [];
  const fetch = async (url: string, init: RequestInit) => {
    seen.push({
      method: init.method ?? "GET",
      url,
      requestId: new Headers(init.headers).get("x-request-id"),
      body: typeof init.body === "string" ? JSON.parse(init.body) : undefined,
    });
    const [status, json] = answers.shift() ?? [500, { error: "no answer left", code: "TEST" }];
    return json === undefined
      ? new Response(null, { status })
      : new Response(JSON.stringify(json), { status, headers: { "content-type": "application/json" } });
  };
  return { fetch, seen };
}

describe("custom signing: initiate, then confirm", () => {
  test("init-signature is answered 204 and resolves to undefined; confirm then carries the same correlationId", async () => {
    const { fetch, seen } = connector([204], [200, { status: "SUCCESS", signature: "c2ln", certificate: "Y2VydA==" }]);
    const client = createPlumeryIdpConnectorClient({ baseUrl, fetch });
    const dataToSign = { username: "john.snow", action: "LOGIN", nonce: "b3c9e1f4-8f3a-4d2e-9c6b-1a2b3c4d5e6f" };
    await expect(
      client.initiateCustomSignature({ params: { header: { "X-Request-ID": "req-1" } }, body: { correlationId, signatureContextData: { dataToSign } } }),
    ).resolves.toBeUndefined();
    const confirmation = await client.confirmCustomSigning({ params: { header: { "X-Request-ID": "req-2" } }, body: { correlationId, username: "john.snow" } });
    expect(confirmation.status).toBe("SUCCESS");
    expect(seen.map((r) => `${r.method} ${r.url} ${r.requestId}`)).toEqual([
      `POST ${baseUrl}/internal/v1/custom-auth:init-signature req-1`,
      `POST ${baseUrl}/internal/v1/custom-auth:confirm-signature req-2`,
    ]);
    expect(seen[0]!.body).toEqual({ correlationId, signatureContextData: { dataToSign } });
  });

  test("init-signature is never retried, even on a 500", async () => {
    const { fetch, seen } = connector([500, { error: "Identity Provider unavailable", code: "IDP_DOWN" }], [204]);
    const error = await createPlumeryIdpConnectorClient({ baseUrl, fetch, maxRetries: 5 })
      .initiateCustomSignature({ body: { correlationId } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ code: "IDP_DOWN", requestId: seen[0]!.requestId });
    expect(seen).toHaveLength(1);
  });
});

describe("login: initiate, redirect, check the status", () => {
  test("initiate answers the redirectUrl; the status check sends correlationId as a query parameter", async () => {
    const redirectUrl = "https://idp.example.test/authorize?session=22dd73ae";
    const { fetch, seen } = connector([200, { redirectUrl }], [200, { status: "PENDING" }], [200, { status: "SUCCESS", userId: "plumery-user-42" }]);
    const client = createPlumeryIdpConnectorClient({ baseUrl, fetch });
    await expect(client.initiateIdentityProviderAuthentication({ body: { correlationId, initAuthDetails: { channel: "web" } } })).resolves.toEqual({
      redirectUrl,
    });
    const statuses = [];
    for (let poll = 0; poll < 2; poll++) {
      statuses.push(await client.checkIdentityProviderAuthenticationStatus({ params: { query: { correlationId } } }));
    }
    expect(statuses).toEqual([{ status: "PENDING" }, { status: "SUCCESS", userId: "plumery-user-42" }]);
    expect(seen.map((r) => `${r.method} ${r.url}`)).toEqual([
      `POST ${baseUrl}/internal/v1/custom-auth/login:initiate`,
      `GET ${baseUrl}/internal/v1/custom-auth/login/status?correlationId=${correlationId}`,
      `GET ${baseUrl}/internal/v1/custom-auth/login/status?correlationId=${correlationId}`,
    ]);
    // Every call carries an X-Request-ID, generated when the caller sets none.
    expect(seen.every((r) => typeof r.requestId === "string" && r.requestId.length > 0)).toBe(true);
  });

  test("the status check is retried on a 500 (a read), the initiation is not", async () => {
    const status = connector([500, { error: "busy", code: "BUSY" }], [200, { status: "FAILED", error: "Cancelled", code: "CANCELLED" }]);
    await expect(
      createPlumeryIdpConnectorClient({ baseUrl, fetch: status.fetch }).checkIdentityProviderAuthenticationStatus({ params: { query: { correlationId } } }),
    ).resolves.toEqual({ status: "FAILED", error: "Cancelled", code: "CANCELLED" });
    expect(status.seen).toHaveLength(2);

    const initiate = connector([500, { error: "busy", code: "BUSY" }], [200, { redirectUrl: "https://idp.example.test/" }]);
    await expect(
      createPlumeryIdpConnectorClient({ baseUrl, fetch: initiate.fetch }).initiateIdentityProviderAuthentication({ body: { correlationId } }),
    ).rejects.toBeInstanceOf(InternalServerError);
    expect(initiate.seen).toHaveLength(1);
  });

  test("a status check without correlationId is refused before anything is sent", async () => {
    const { fetch, seen } = connector([200, { status: "SUCCESS" }]);
    const client = createPlumeryIdpConnectorClient({ baseUrl, fetch });
    // @ts-expect-error correlationId is a required query parameter
    await expect(client.checkIdentityProviderAuthenticationStatus({})).rejects.toThrow(/correlationId/);
    expect(seen).toHaveLength(0);
  });

  test("a 400 from the connector is a BadRequestError with its code and words", async () => {
    const { fetch } = connector([400, { error: "Unknown correlation ID", code: "UNKNOWN_CORRELATION_ID" }]);
    const error = await createPlumeryIdpConnectorClient({ baseUrl, fetch })
      .checkIdentityProviderAuthenticationStatus({ params: { query: { correlationId } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as Error).message).toBe("Plumery connector 400 UNKNOWN_CORRELATION_ID on GET /internal/v1/custom-auth/login/status: Unknown correlation ID");
  });
});
