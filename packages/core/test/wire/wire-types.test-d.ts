import { expectTypeOf, test } from "vitest";
import type { WithResponse } from "../../src/index.js";
import { type components, createWireClient } from "./wire-client.js";

const client = createWireClient();
type Result<K extends keyof typeof client> = (typeof client)[K] extends (...args: never[]) => Promise<infer R> ? R : never;

test("a method's result follows the response's media type", () => {
  expectTypeOf(client.responseText()).resolves.toEqualTypeOf<string>();
  expectTypeOf(client.responsePdf()).resolves.toEqualTypeOf<Blob>();
  expectTypeOf(client.headThing({ params: { path: { id: "t1" } } })).resolves.toEqualTypeOf<undefined>();
  expectTypeOf(client.deleteThing({ params: { path: { id: "t1" } } })).resolves.toEqualTypeOf<undefined>();
  expectTypeOf(client.responseRange()).resolves.toEqualTypeOf<{ ok?: boolean }>();
});

test("parseAs and withResponse are typed", () => {
  expectTypeOf(client.responsePdf({ parseAs: "arrayBuffer" })).resolves.toEqualTypeOf<ArrayBuffer>();
  expectTypeOf(client.responseText.withResponse()).resolves.toEqualTypeOf<WithResponse<string>>();
});

test("request bodies follow the media type", () => {
  client.bodyText({ body: "hello" });
  // @ts-expect-error a text/plain body is a string
  client.bodyText({ body: { text: "hello" } });
  client.bodyOctetStream({ body: new Uint8Array([1, 2, 3]) });
  client.bodyOctetStream({ body: new Blob([]) });
  client.bodyOctetStream({ body: new ArrayBuffer(3) });
  // @ts-expect-error an octet-stream body is bytes
  client.bodyOctetStream({ body: [1, 2, 3] });
  client.bodyMultipart({ body: { file: new Blob([]), title: "t" } });
  client.bodyMultipart({ body: new FormData() });
  client.bodyForm({ body: { grant_type: "client_credentials" } });
  client.bodyForm({ body: new URLSearchParams() });
});

test("a request never needs readOnly properties, nor ones that merely have a default", () => {
  client.putThing({ params: { path: { id: "t1" } }, body: { name: "Camille", secret: "s" } });
  // @ts-expect-error a readOnly property cannot be sent
  client.putThing({ params: { path: { id: "t1" } }, body: { id: "t1", name: "Camille", secret: "s" } });
});

test("a response never promises writeOnly properties", () => {
  expectTypeOf<Result<"getThing">>().not.toHaveProperty("secret");
  const thing: Result<"getThing"> = { id: "t1", name: "Camille" };
  expectTypeOf(thing.id).toEqualTypeOf<string>();
});

test("a free-form object is Record<string, unknown>", () => {
  expectTypeOf<NonNullable<components["schemas"]["Thing"]["metadata"]>>().toEqualTypeOf<Record<string, unknown>>();
});

test("cookie and header parameters are typed", () => {
  client.cookieForm({ params: { cookie: { session: "abc" } } });
  // @ts-expect-error the session cookie is required
  client.cookieForm({ params: { cookie: { theme: "dark" } } });
  client.headerSimple({ params: { header: { "X-Limit": 10, "X-Dry-Run": true } } });
});

// Known limits of openapi-typescript 7.13. Each assertion states today's (wrong) type: when an upgrade
// fixes one, its assertion fails, and the README's "Known limits" entry can go.
test("known limit: a required list in an allOf member does not make the property required", () => {
  expectTypeOf<components["schemas"]["NamedRequired"]>().toEqualTypeOf<components["schemas"]["Named"]>();
});

test("known limit: a discriminator without a mapping types its property as the schema's name, over the property's own enum", () => {
  // The spec says `kind: { enum: [cat] }`: a cat arrives as { kind: "cat" }, which this type refuses.
  expectTypeOf<components["schemas"]["Cat"]["kind"]>().toEqualTypeOf<"Cat">();
});
