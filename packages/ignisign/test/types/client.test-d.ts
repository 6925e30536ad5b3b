import { expectTypeOf, test } from "vitest";
import { createIgnisignClient, type components } from "../../src/index.js";

const client = createIgnisignClient({ apiKey: "skv2_test" });
const path = { appId: "app_1", appEnv: "DEVELOPMENT", signerId: "signer_1" } as const;

test("a method resolves to the typed success body", () => {
  expectTypeOf(client.updateSigner({ params: { path } })).resolves.toEqualTypeOf<components["schemas"]["IgnisignSignerUpdateResponse"]>();
  expectTypeOf(client.regenerateSignerAuthSecret({ params: { path } })).resolves.toHaveProperty("authSecret");
});

test("a wrong enum value does not compile", () => {
  // @ts-expect-error appEnv is DEVELOPMENT | STAGING | PRODUCTION
  client.updateSigner({ params: { path: { ...path, appEnv: "TEST" } } });
});

test("a missing path parameter does not compile", () => {
  // @ts-expect-error signerId is required
  client.regenerateSignerAuthSecret({ params: { path: { appId: "app_1", appEnv: "DEVELOPMENT" } } });
  // @ts-expect-error params are required
  client.regenerateSignerAuthSecret();
});

test("an unknown body field does not compile", () => {
  // @ts-expect-error nickname is not a field of IgnisignSigner_UpdateRequestDto
  client.updateSigner({ params: { path }, body: { firstName: "Camille", nickname: "Cam" } });
});

test("per-call options are typed", () => {
  client.updateSigner({ params: { path }, maxRetries: 0, timeoutMs: 5_000 });
  // @ts-expect-error timeoutMs is a number of milliseconds
  client.updateSigner({ params: { path }, timeoutMs: "5s" });
});
