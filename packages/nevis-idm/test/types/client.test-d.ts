import { expectTypeOf, test } from "vitest";
import { type components, createNevisIdmClient } from "../../src/index.js";

const client = createNevisIdmClient({ baseUrl: "https://api.acme.getnevis.net", accessToken: "token" });
const path = { clientExtId: "client-123", userExtId: "user-123" };

test("a method resolves to the typed credential", () => {
  expectTypeOf(client.updateMobileSignature({ params: { path }, body: { version: 3 } })).resolves.toEqualTypeOf<components["schemas"]["MobileSignature"]>();
});

test("a wrong enum value does not compile", () => {
  // @ts-expect-error stateName is one of the credential states
  client.updateMobileSignature({ params: { path }, body: { stateName: "locked" } });
});

test("a missing path parameter does not compile", () => {
  // @ts-expect-error userExtId is required
  client.updateMobileSignature({ params: { path: { clientExtId: "client-123" } }, body: {} });
});

test("an unknown body field does not compile", () => {
  // @ts-expect-error pin is not a field of the mobile signature update
  client.updateMobileSignature({ params: { path }, body: { version: 3, pin: "1234" } });
});

test("the access token may be a function, sync or async", () => {
  createNevisIdmClient({ baseUrl: "https://x.getnevis.net", accessToken: () => "t" });
  createNevisIdmClient({ baseUrl: "https://x.getnevis.net", accessToken: async ({ forceRefresh }) => (forceRefresh ? "new" : "cached") });
});

test("creating a mobile signature needs identificator, msspIdentifier and msisdn", () => {
  expectTypeOf(
    client.createMobileSignature({ params: { path }, body: { identificator: "4179", msspIdentifier: "http://mssp.test", msisdn: "+4179" } }),
  ).resolves.toEqualTypeOf<components["schemas"]["MobileSignature"]>();
  // @ts-expect-error msisdn is mandatory on create
  client.createMobileSignature({ params: { path }, body: { identificator: "4179", msspIdentifier: "http://mssp.test" } });
});

test("reading resolves to the credential and deleting to undefined", () => {
  expectTypeOf(client.getMobileSignature({ params: { path } })).resolves.toEqualTypeOf<components["schemas"]["MobileSignature"]>();
  expectTypeOf(client.deleteMobileSignature({ params: { path } })).resolves.toEqualTypeOf<undefined>();
});
