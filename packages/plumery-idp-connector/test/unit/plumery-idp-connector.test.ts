import { expectNoSecrets } from "@signhub/contract";
import { BadRequestError, InternalServerError } from "@signhub/core";
import { describe, expect, test } from "vitest";
import { createPlumeryIdpConnectorClient } from "../../src/index.js";

const baseUrl = "https://idp-connector.bank.test";
const body = { correlationId: "3f1c2b7e-8a4d-4e2b-9c6f-1d2e3f4a5b6c", username: "jdoe" };

function server(...answers: [number, unknown][]) {
  const seen: Headers[] = [];
  const fetch = async (_url: string, init: RequestInit) => {
    seen.push(new Headers(init.headers));
    const [status, json] = answers.shift() ?? [200, {}];
    return new Response(JSON.stringify(json), { status, headers: { "content-type": "application/json" } });
  };
  return { fetch, seen };
}

describe("Plumery connector client", () => {
  test("passes the caller's X-Request-ID through", async () => {
    const { fetch, seen } = server([200, { status: "SUCCESS" }]);
    await createPlumeryIdpConnectorClient({ baseUrl, fetch }).confirmCustomSigning({ params: { header: { "X-Request-ID": "req-42" } }, body });
    expect(seen[0]!.get("x-request-id")).toBe("req-42");
  });

  test("generates an X-Request-ID when the caller sets none, and reports it on errors", async () => {
    const { fetch, seen } = server([400, { error: "Unknown correlation ID", code: "UNKNOWN_CORRELATION_ID" }]);
    const error = await createPlumeryIdpConnectorClient({ baseUrl, fetch })
      .confirmCustomSigning({ body })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ code: "UNKNOWN_CORRELATION_ID", requestId: seen[0]!.get("x-request-id") });
    expect((error as Error).message).toBe(
      "Plumery connector 400 UNKNOWN_CORRELATION_ID on POST /internal/v1/custom-auth:confirm-signature: Unknown correlation ID",
    );
  });

  test("never retries a confirmation, even on a 503", async () => {
    const { fetch, seen } = server([503, { error: "busy", code: "UNAVAILABLE" }], [200, { status: "SUCCESS" }]);
    await expect(createPlumeryIdpConnectorClient({ baseUrl, fetch, maxRetries: 5 }).confirmCustomSigning({ body })).rejects.toBeInstanceOf(InternalServerError);
    expect(seen).toHaveLength(1);
  });

  test("sends an optional bearer token and never shows it in an error", async () => {
    const token = "plumery-gateway-token-123456";
    const { fetch, seen } = server([500, { error: `rejected ${token}`, code: "GATEWAY" }]);
    const error = await createPlumeryIdpConnectorClient({ baseUrl, fetch, accessToken: token })
      .confirmCustomSigning({ body })
      .catch((e: unknown) => e);
    expect(seen[0]!.get("authorization")).toBe(`Bearer ${token}`);
    expectNoSecrets(error, [token]);
  });
});
