import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { emitOperations, readOperations, readSpec, SpecError } from "../src/index.js";
import type { OperationSpec } from "../src/operation-spec.js";

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/operations/${name}`, import.meta.url));

/** The table's row for one operation, read back from the emitted source: what core will see. */
function emittedRow(spec: string, operationId: string): Record<string, unknown> {
  const source = emitOperations(readOperations(readSpec(fixture(spec))), spec);
  const line = source.split("\n").find((text) => text.startsWith(`  ${operationId}: `));
  if (!line) throw new Error(`${spec} emits no ${operationId}`);
  return JSON.parse(line.slice(`  ${operationId}: `.length, -1)) as Record<string, unknown>;
}

/** Only the fields `want` names; a field it names as `undefined` must be absent from the emitted row. */
function pick(row: Record<string, unknown>, want: Partial<OperationSpec>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(want).map((key) => [key, row[key]]));
}

function thrownBy(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe("the operation table", () => {
  test.each<[string, string, string, Partial<OperationSpec>]>([
    [
      "merges path-item and operation parameters by name and in, filling in OpenAPI's defaults",
      "parameters.yaml",
      "listThings",
      {
        parameters: [
          { name: "id", in: "path", style: "label", explode: false, required: true },
          { name: "filter", in: "query", style: "deepObject", explode: true, required: true },
          { name: "X-Trace", in: "header", style: "simple", explode: true },
          { name: "filter", in: "header", style: "simple", explode: false },
          { name: "q", in: "query", style: "form", explode: true, allowReserved: true },
          { name: "tags", in: "query", style: "pipeDelimited", explode: false },
          { name: "where", in: "query", style: "form", explode: true, contentType: "application/json" },
          { name: "session", in: "cookie", style: "form", explode: true },
        ],
      },
    ],
    [
      "gives an operation without parameters of its own its path item's",
      "parameters.yaml",
      "touchThing",
      {
        parameters: [
          { name: "id", in: "path", style: "simple", explode: false, required: true },
          { name: "filter", in: "query", style: "form", explode: true },
          { name: "X-Trace", in: "header", style: "simple", explode: true },
        ],
      },
    ],
    [
      "leaves out parameters, request body, servers and security when the spec has none",
      "parameters.yaml",
      "ping",
      { parameters: undefined, requestBody: undefined, servers: undefined, security: undefined },
    ],
    [
      "keeps each media type of a request body and the encoding fields of its properties",
      "request-body.yaml",
      "upload",
      {
        requestBody: {
          required: true,
          content: {
            "multipart/form-data": { encoding: { file: { contentType: "application/pdf" }, meta: { contentType: "application/json" } } },
            "application/x-www-form-urlencoded": { encoding: { tags: { style: "spaceDelimited", explode: false, allowReserved: true } } },
            "application/octet-stream": {},
          },
        },
      },
    ],
    [
      "reads a $ref'd request body, not required unless it says so",
      "request-body.yaml",
      "replaceUpload",
      { requestBody: { required: false, content: { "application/json": {} } } },
    ],
    [
      "keeps every response by its status key, and whether each media type has a schema",
      "responses.yaml",
      "listThings",
      {
        responses: {
          "200": { "application/json": true, "text/csv": true },
          "2XX": { "application/json": false },
          "304": {},
          "404": { "application/json": true },
          default: { "application/problem+json": true },
        },
      },
    ],
    ["gives an operation its path item's servers, variables set to their defaults", "servers.yaml", "listThings", { servers: ["https://eu.example.test/v2"] }],
    [
      "prefers an operation's own servers to its path item's",
      "servers.yaml",
      "createThing",
      { servers: ["https://uploads.example.test", "https://backup.example.test"] },
    ],
    ["leaves the document's servers to the client's base URL", "servers.yaml", "ping", { servers: undefined }],
    ["keeps an operation's empty security: it takes no credentials", "security.yaml", "health", { security: [] }],
    ["gives an operation without security the document's", "security.yaml", "listThings", { security: [["apiKey"]] }],
    ["lists the schemes of each of an operation's requirements, an empty one as []", "security.yaml", "createThing", { security: [["oauth", "apiKey"], []] }],
    [
      "leaves security out when neither the operation nor the document says, and the spec defines no scheme",
      "responses.yaml",
      "listThings",
      { security: undefined },
    ],
    // Ory Kratos: an admin key defined, required by admin operations only; the public ones must not get it.
    [
      "gives an operation no credentials when neither it nor the document requires a scheme the spec defines",
      "security-optional.yaml",
      "listPublic",
      { security: [] },
    ],
    ["keeps an operation's own requirement beside those", "security-optional.yaml", "listAdmin", { security: [["adminKey"]] }],
  ])("%s", (_, spec, operationId, want) => {
    expect(pick(emittedRow(spec, operationId), want)).toStrictEqual(want);
  });

  test("emits each row as the operation's JSON after a comment with its summary", () => {
    const source = emitOperations(readOperations(readSpec(fixture("servers.yaml"))), "specs/servers.yaml");
    expect(source).toContain(`  /** \`GET /ping\` */\n  ping: {"method":"get","path":"/ping","retrySafe":true,"responses":{"204":{}}},\n`);
    expect(source).toMatch(/^\/\/ Generated by @signhub\/codegen from specs\/servers\.yaml\./);
    expect(source).toContain(`import type { OperationTable } from "@signhub/core";`);
    expect(source).toContain("} as const satisfies OperationTable;");
  });
});

describe("a spec's problems", () => {
  test.each<[string, string, string[]]>([
    [
      "reserved operationIds",
      "reserved-ids.yaml",
      [
        ["/raw", "raw"],
        ["/proto", "__proto__"],
        ["/constructor", "constructor"],
        ["/string", "toString"],
        ["/then", "then"],
      ].map(([path, id]) => `GET ${path} (${id}): operationId "${id}" is reserved: it would replace or break a client member; rename it`),
    ],
    [
      "missing, unusable and repeated operationIds, and a missing retry decision",
      "bad-names.yaml",
      [
        "PUT /a has no usable operationId (it names the client method)",
        'POST /a has no usable operationId: "get-thing" is not a JavaScript identifier, and it names the client method',
        'GET /b repeats operationId "getThing" of GET /a',
        "DELETE /b (deleteThing) has no x-signhub-retry.safe: say whether it may be repeated",
      ],
    ],
    [
      "server variables without a default",
      "server-without-default.yaml",
      [
        'GET /things (listThings): server https://{region}.example.test gives variable "region" no default',
        'POST /things (createThing): server https://{tenant}.example.test gives variable "tenant" no default',
      ],
    ],
  ])("are all reported in one SpecError, each naming the operation: %s", (_, spec, problems) => {
    const file = fixture(spec);
    const error = thrownBy(() => readOperations(readSpec(file)));
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).problems).toEqual(problems);
    expect((error as SpecError).message).toBe(problems.map((problem) => `${file}: ${problem}`).join("\n"));
  });
});
