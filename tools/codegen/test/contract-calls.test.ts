import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { contractCallsByMediaType } from "../src/contract-calls.js";
import { contractCall, readOperations, readSpec } from "../src/index.js";

const spec = readSpec(fileURLToPath(new URL("./fixtures/contract-calls/bodies.yaml", import.meta.url)));
const callOf = (operationId: string) => contractCall(spec, readOperations(spec).find((op) => op.operationId === operationId)!);

describe("a contract call written from the spec", () => {
  test.each<[string, string, string]>([
    [
      "samples a required JSON body without an example from its schema: required properties, formats honoured, readOnly left out",
      "replacePet",
      `(client, headers) => client.replacePet({ params: { "path": { "petId": "497f6eca-6276-4993-bfeb-53cbbbba6f08" }, "query": { "limit": 5 } }, body: { "name": "string", "email": "user@example.com" }, headers })`,
    ],
    [
      "takes the spec's example, its value's $refs resolved as Prism resolves them, and writes it `as never`",
      "tagPet",
      `(client, headers) => client.tagPet({ params: { "path": { "petId": "497f6eca-6276-4993-bfeb-53cbbbba6f08" } }, body: { "name": "Rex", "owner": { "name": "Ada" } } as never, headers })`,
    ],
    [
      "leaves out an optional body without an example",
      "renamePet",
      `(client, headers) => client.renamePet({ params: { "path": { "petId": "497f6eca-6276-4993-bfeb-53cbbbba6f08" } }, headers })`,
    ],
    [
      "writes a multipart file part as a Blob",
      "upload",
      `(client, headers) => client.upload({ body: { "file": new Blob(["string"]), "title": "Contract" }, headers })`,
    ],
    ["writes a form from its schema", "putForm", `(client, headers) => client.putForm({ body: { "name": "ada", "tags": ["string"], "ids": [0] }, headers })`],
    ["writes a text body as its string", "postNote", `(client, headers) => client.postNote({ body: "hello", headers })`],
    [
      "writes bytes as a Blob of the declared type",
      "putBytes",
      `(client, headers) => client.putBytes({ body: new Blob(["example"], { type: "application/octet-stream" }), headers })`,
    ],
    [
      "gives a media type range a concrete type",
      "postImage",
      `(client, headers) => client.postImage({ body: new Blob(["example"], { type: "image/png" }), headers })`,
    ],
    [
      "samples a discriminated oneOf as its first member a validator without discriminators accepts (a password login also matches the code login, which asks for `method` alone), its discriminator the mapping key naming it",
      "logIn",
      `(client, headers) => client.logIn({ body: { "method": "code" }, headers })`,
    ],
    [
      "pins discriminators in a property (no mapping: the schema's name) and in an array's items (a mapping to a bare name)",
      "draw",
      `(client, headers) => client.draw({ body: { "shape": { "kind": "Circle", "radius": 0 }, "steps": [{ "op": "move" }] }, headers })`,
    ],
    [
      "sets the discriminator of a base schema extended through allOf to the value naming the extension",
      "addDog",
      `(client, headers) => client.addDog({ body: { "species": "canine", "name": "string" }, headers })`,
    ],
  ])("%s", (_, operationId, want) => {
    expect(callOf(operationId)).toBe(want);
  });

  test("writes a call per media type of a body offered in several, each named by Content-Type, an optional body included", () => {
    const op = readOperations(spec).find((entry) => entry.operationId === "editNote")!;
    const params = `params: { "path": { "noteId": "n1" as never } }`;
    expect(contractCallsByMediaType(spec, op)).toEqual({
      "application/json": `(client, headers) => client.editNote({ ${params}, body: {}, headers: { ...headers, "Content-Type": "application/json" } })`,
      "application/x-www-form-urlencoded": `(client, headers) => client.editNote({ ${params}, body: { "text": "string" }, headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" } })`,
      "text/plain": `(client, headers) => client.editNote({ ${params}, body: "new text", headers: { ...headers, "Content-Type": "text/plain" } })`,
      "image/*": `(client, headers) => client.editNote({ ${params}, body: new Blob(["example"], { type: "image/png" }), headers: { ...headers, "Content-Type": "image/png" } })`,
    });
    // The one call of `calls` leaves the optional body out.
    expect(callOf("editNote")).toBe(`(client, headers) => client.editNote({ ${params}, headers })`);
    expect(contractCallsByMediaType(spec, readOperations(spec).find((entry) => entry.operationId === "postNote")!)).toBeUndefined();
  });

  test("rejects an example whose value's $ref resolves to nothing, naming the example", () => {
    expect(() => callOf("brokenExample")).toThrow(
      'POST /broken, request body (application/json), example "dangling": unresolved $ref #/components/examples/Nowhere/value',
    );
  });
});
