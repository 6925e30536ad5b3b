// Prism bugs our specs work around, each stated as Prism 5.16.0 behaves. A test here that fails after a Prism
// upgrade means the bug is fixed: turn the test around and drop the workaround it names.
import { afterEach, expect, test } from "vitest";
import { getFreePort } from "../src/free-port.js";
import { type PrismMock, startPrism } from "../src/prism.js";
import { readPrismPackage } from "../src/prism-package.js";
import { answers } from "../src/wait-until-answers.js";
import { fixture } from "./helpers.js";

let mock: PrismMock | undefined;
afterEach(() => mock?.stop());

test("the Prism these tests describe is 5.16.0", () => {
  expect(readPrismPackage().version).toBe("5.16.0");
});

// Workaround: packages/core/test/wire/openapi.yaml types its optional array and object headers as strings.
test("documents a known Prism bug: a request leaving out an optional array-typed header crashes the whole mock", async () => {
  mock = await startPrism({ specPath: fixture("specs", "optional-array-header.yaml"), port: await getFreePort() });
  const withHeader = await fetch(`${mock.url}/tags`, { headers: { "X-Tags": "a,b" } });
  expect(withHeader.status).toBe(200);
  expect(await withHeader.json()).toEqual({ ok: true });

  await expect(fetch(`${mock.url}/tags`)).rejects.toThrow("fetch failed");

  expect(await mock.exited).toEqual({ code: 1, signal: null });
  expect(mock.log().join("\n")).toContain("TypeError: Cannot read properties of undefined (reading 'split')");
  expect(await answers(mock.url)).toBe(false);
});

// Workaround: write a nullable string as `type: [string, "null"]`, or put `examples` inside the string branch.
test('documents a known Prism bug: an `anyOf: [string, null]` property with schema-level `examples` is answered with "string"', async () => {
  mock = await startPrism({ specPath: fixture("specs", "nullable-examples.yaml"), port: await getFreePort() });
  const response = await fetch(`${mock.url}/note`);
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ title: "string", subtitle: "y" });
});

// No workaround: a contract case sending such a body fails with "must be array" (README, "Contract tests");
// stoplightio/prism#2654 proposes reading repeated keys as an array.
test("documents a known Prism bug: an array in a form or a multipart body, sent as repeated keys or parts (OpenAPI 3.1 §4.8.15), is refused", async () => {
  mock = await startPrism({ specPath: fixture("specs", "repeated-parts.yaml"), port: await getFreePort() });
  const parts = new FormData();
  parts.append("tags", "a");
  parts.append("tags", "b");
  const multipart = await fetch(`${mock.url}/multipart`, { method: "POST", body: parts });
  expect(multipart.status).toBe(422);
  expect(JSON.stringify(await multipart.json())).toContain("must be array");
  const form = await fetch(`${mock.url}/form`, {
    method: "POST",
    body: new URLSearchParams([
      ["tags", "a"],
      ["tags", "b"],
    ]),
  });
  expect(form.status).toBe(422);
  expect(JSON.stringify(await form.json())).toContain("must be array");
});

// No workaround but the spec's: a discriminated body whose members overlap fails its contract case ("must match
// exactly one schema in oneOf"), listed as a known defect; members told apart by `enum`/`const` values pass.
test("documents a known Prism bug: a oneOf is validated without its discriminator, so a body several members accept is refused", async () => {
  mock = await startPrism({ specPath: fixture("specs", "discriminated-oneof.yaml"), port: await getFreePort() });
  const login = (body: unknown) =>
    fetch(`${mock!.url}/logins`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  // `method: password` selects WithPassword (OpenAPI 3.1 §4.8.25), but WithCode accepts the body too.
  const refused = await login({ method: "password", password: "p" });
  expect(refused.status).toBe(422);
  expect(JSON.stringify(await refused.json())).toContain("must match exactly one schema in oneOf");
  expect((await login({ method: "code" })).status).toBe(204);
});
