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
