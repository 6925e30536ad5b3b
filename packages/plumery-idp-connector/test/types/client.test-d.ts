import { expectTypeOf, test } from "vitest";
import { createPlumeryIdpConnectorClient } from "../../src/index.js";

const client = createPlumeryIdpConnectorClient({ baseUrl: "https://connector.bank.test" });

test("the confirmation's status is a union of the documented values", () => {
  expectTypeOf(client.confirmCustomSigning({ body: { correlationId: "c1", username: "u1" } }))
    .resolves.toHaveProperty("status")
    .toEqualTypeOf<"PENDING" | "SUCCESS" | "FAILED" | undefined>();
});

test("X-Request-ID is a typed header parameter", () => {
  client.confirmCustomSigning({ params: { header: { "X-Request-ID": "req-1" } }, body: { correlationId: "c1" } });
});

test("an unknown body field does not compile", () => {
  // @ts-expect-error userId is not a field of the confirmation request (it is `username`)
  client.confirmCustomSigning({ body: { correlationId: "c1", userId: "u1" } });
});

test("a wrongly typed body field does not compile", () => {
  // @ts-expect-error correlationId is a string
  client.confirmCustomSigning({ body: { correlationId: 42 } });
});

test("init-signature resolves to undefined (204), its action is any string", () => {
  expectTypeOf(
    client.initiateCustomSignature({ body: { correlationId: "c1", signatureContextData: { dataToSign: { username: "u1", action: "PAYMENT", nonce: "n1" } } } }),
  ).resolves.toEqualTypeOf<undefined>();
});

test("the login initiation resolves to the redirectUrl, the status check to a union of statuses", () => {
  expectTypeOf(client.initiateIdentityProviderAuthentication({ body: { correlationId: "c1" } }))
    .resolves.toHaveProperty("redirectUrl")
    .toEqualTypeOf<string | undefined>();
  expectTypeOf(client.checkIdentityProviderAuthenticationStatus({ params: { query: { correlationId: "c1" } } }))
    .resolves.toHaveProperty("status")
    .toEqualTypeOf<"PENDING" | "SUCCESS" | "FAILED" | undefined>();
  // @ts-expect-error the status check takes correlationId in the query, not a body
  client.checkIdentityProviderAuthenticationStatus({ params: { query: { correlationId: "c1" } }, body: { correlationId: "c1" } });
});
