import { BadRequestError } from "@signhub/core";
import { createPlumeryIdpConnectorClient } from "@signhub/plumery-idp-connector";
import { describe, expect, test } from "vitest";
import { confirmCustomSignature, createSigningClients, startCustomSignature } from "../src/index.js";
import { recordRequests } from "./support/middleware.js";
import { mockConfig } from "./support/mocks.js";

const request = {
  correlationId: "22dd73ae-a31f-4422-a1e9-0372c4da0f24",
  username: "john.snow",
  action: "LOGIN",
  nonce: "b3c9e1f4-8f3a-4d2e-9c6b-1a2b3c4d5e6f",
};

const plumery = () => createSigningClients(mockConfig()).plumery;

describe("Plumery connector: a custom signature", () => {
  test("startCustomSignature is answered 204 and resolves to nothing; confirmCustomSignature then resolves to the signature and certificate", async () => {
    // The app's client, recording what it sends.
    const { middleware, sent } = recordRequests();
    const client = createPlumeryIdpConnectorClient({ ...mockConfig().plumery, middleware: [middleware] });

    await expect(startCustomSignature(client, request)).resolves.toBeUndefined();
    const confirmation = await confirmCustomSignature(client, request);

    expect(confirmation).toEqual({
      status: "SUCCESS",
      signature: "RkFLRS1TSUdOQVRVUkUtUExBQ0VIT0xERVI=",
      signatureTimestamp: "2026-03-02T14:05:12Z",
      certificate: "RkFLRS1DRVJUSUZJQ0FURS1QTEFDRUhPTERFUg==",
    });
    // The confirmation names the signature by the initiation's correlationId.
    expect(sent.map((r) => [r.schemaPath, r.body])).toEqual([
      [
        "/internal/v1/custom-auth:init-signature",
        { correlationId: request.correlationId, signatureContextData: { dataToSign: { username: "john.snow", action: "LOGIN", nonce: request.nonce } } },
      ],
      ["/internal/v1/custom-auth:confirm-signature", { correlationId: request.correlationId, username: "john.snow" }],
    ]);
  });

  test("a confirmation the user rejected is a 200 with status FAILED, picked with Prefer: example=failed", async () => {
    const confirmation = await plumery().confirmCustomSigning({
      body: { correlationId: request.correlationId, username: request.username },
      headers: { Prefer: "example=failed" },
    });

    expect(confirmation).toEqual({ status: "FAILED", error: "The signature was rejected. Please try again.", code: "SIGNATURE_REJECTED" });
  });

  test("a request the connector refuses is a BadRequestError with its code", async () => {
    const error = await plumery()
      .confirmCustomSigning({ body: { correlationId: request.correlationId, username: request.username }, headers: { Prefer: "code=400" } })
      .catch((thrown: unknown) => thrown);

    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ provider: "plumery-idp-connector", status: 400, code: "BAD_REQUEST" });
    expect((error as Error).message).toBe("Plumery connector 400 BAD_REQUEST on POST /internal/v1/custom-auth:confirm-signature: Invalid request");
  });
});
