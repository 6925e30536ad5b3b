import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import { readSpec } from "../src/index.js";
import { type ClientWiring, clientSource, credentialOptions, readClientWiring, type SchemeWiring } from "../src/scaffold-client.js";

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/wiring/${name}`, import.meta.url));

test.each<[string, ClientWiring]>([
  [
    "basic-and-key.yaml",
    {
      baseUrl: "https://eu.api.wiring.test/v2",
      schemes: [
        { kind: "basic", scheme: "basic" },
        { kind: "apiKey", scheme: "key", in: "header", name: "X-Api-Key" },
      ],
      otherSchemes: [],
      credentialsRequired: true,
      errorFields: { code: ["type", "error.code"], message: ["detail", "error.message"] },
    },
  ],
  [
    "cookie-no-server.json",
    {
      baseUrl: undefined,
      schemes: [{ kind: "apiKey", scheme: "session", in: "cookie", name: "SID" }],
      otherSchemes: [],
      credentialsRequired: true,
      errorFields: { code: ["code"], message: ["message"] },
    },
  ],
  [
    "many-schemes.yaml",
    {
      baseUrl: "https://api.many.test",
      schemes: [
        { kind: "bearer", scheme: "oauth" },
        { kind: "apiKey", scheme: "partner_key", in: "header", name: "X-Partner-Key" },
        { kind: "apiKey", scheme: "app-id", in: "header", name: "X-App-Id" },
        { kind: "apiKey", scheme: "query_key", in: "query", name: "key" },
      ],
      otherSchemes: ["mtls"],
      credentialsRequired: true,
      errorFields: { code: ["code"], message: ["message"] },
    },
  ],
])("reads the client's wiring from %s", (given, want) => {
  expect(readClientWiring(readSpec(fixture(given)))).toEqual(want);
});

test.each<[string, ClientWiring["errorFields"]]>([
  ["/dropbox-sign", { code: ["error.error_name"], message: ["error.error_msg"] }],
  ["/oauth", { code: ["error"], message: ["error_description"] }],
  ["/errors-array", { code: ["errors.0.code"], message: ["errors.0.detail"] }],
  ["/camel-case", { code: ["ErrorCode"], message: ["ErrorMessage"] }],
  ["/error-string", { code: ["code"], message: ["error"] }],
  ["/named", { code: ["name"], message: ["message"] }],
  ["/ory-kratos", { code: ["error.id"], message: ["error.message"] }],
  ["/ory-hydra", { code: ["error"], message: ["error_description"] }],
  ["/top-id", { code: ["code"], message: ["message"] }],
])("reads the error fields of %s in error-shapes.yaml", (path, want) => {
  const file = fixture("error-shapes.yaml");
  const doc = readSpec(file).doc as { paths: Record<string, unknown> };
  expect(readClientWiring(readSpec(file, { ...doc, paths: { [path]: doc.paths[path] } })).errorFields).toEqual(want);
});

test("a spec without a server with defaults makes baseUrl required; one scheme is one required option through core's factory", () => {
  const source = clientSource("w", "Wiring", "createWClient", "WClient", {
    baseUrl: undefined,
    schemes: [{ kind: "basic", scheme: "basic" }],
    otherSchemes: [],
    credentialsRequired: true,
    errorFields: { code: ["code"], message: ["message"] },
  });
  expect(source).toContain("  baseUrl: string;\n");
  expect(source).toContain("  credentials: { username: string; password: string };\n");
  expect(source).toContain('auth: basicAuth(credentials, "w"),');
  expect(source).toMatch(/^import \{ basicAuth, type ClientOptions, createOperations, errorFields, type SignhubClient \} from "@signhub\/core";$/m);
});

test("one scheme some operations go without is an optional option, sent where an operation asks for it", () => {
  const source = clientSource("kr", "Kr", "createKrClient", "KrClient", {
    baseUrl: undefined,
    schemes: [{ kind: "apiKey", scheme: "oryAccessToken", in: "header", name: "Authorization" }],
    otherSchemes: [],
    credentialsRequired: false,
    errorFields: { code: ["code"], message: ["message"] },
  });
  expect(source).toContain("  apiKey?: string;\n");
  expect(source).toContain(
    '        "oryAccessToken": apiKey === undefined ? undefined : apiKeyAuth({ in: "header", name: "Authorization", key: apiKey }, "kr"),',
  );
});

test("a client whose options are all optional may be made without any; one with a required option may not", () => {
  const wiring = readClientWiring(readSpec(fixture("many-schemes.yaml")));
  expect(clientSource("many", "Many", "createManyClient", "ManyClient", wiring)).toContain(
    "export function createManyClient(options: ManyClientOptions = {}): ManyClient {",
  );
  expect(clientSource("many", "Many", "createManyClient", "ManyClient", { ...wiring, baseUrl: undefined })).toContain(
    "export function createManyClient(options: ManyClientOptions): ManyClient {",
  );
});

test("several schemes are optional options, by kind or by the scheme's name, sent per operation by securitySchemes", () => {
  const source = clientSource("many", "Many", "createManyClient", "ManyClient", readClientWiring(readSpec(fixture("many-schemes.yaml"))));
  for (const line of [
    "  accessToken?: TokenSource;",
    "  partnerKey?: string;",
    "  appId?: string;",
    "  queryKey?: string;",
    '        "oauth": accessToken === undefined ? undefined : bearerAuth(accessToken, "many"),',
    '        "partner_key": partnerKey === undefined ? undefined : apiKeyAuth({ in: "header", name: "X-Partner-Key", key: partnerKey }, "many"),',
    '        "query_key": queryKey === undefined ? undefined : apiKeyAuth({ in: "query", name: "key", key: queryKey }, "many"),',
    "      // The spec also names mtls, which signhub does not send: an operation asking for one of them is",
  ]) {
    expect(source).toContain(line);
  }
});

test.each([
  [
    [
      { kind: "bearer", scheme: "a" },
      { kind: "apiKey", scheme: "b", in: "query", name: "k" },
    ],
    ["accessToken", "apiKey"],
  ],
  [
    [
      { kind: "apiKey", scheme: "fetch", in: "header", name: "F" },
      { kind: "apiKey", scheme: "headers", in: "header", name: "H" },
    ],
    ["fetchCredentials", "headersCredentials"],
  ],
  [
    [
      { kind: "bearer", scheme: "2fa" },
      { kind: "bearer", scheme: "_2fa" },
    ],
    ["_2fa", "_2faCredentials"],
  ],
] as const)("credential options are named without collisions: %j", (schemes, names) => {
  expect(credentialOptions(schemes as unknown as SchemeWiring[], "p").map((option) => option.name)).toEqual(names);
});
