import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import { readSpec } from "../src/index.js";
import { type ClientWiring, clientSource, readClientWiring } from "../src/scaffold-client.js";

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/wiring/${name}`, import.meta.url));

test.each<[string, ClientWiring]>([
  [
    "basic-and-key.yaml",
    {
      baseUrl: "https://eu.api.wiring.test/v2",
      auth: { kind: "basic", scheme: "basic" },
      otherSchemes: ["key"],
      errorFields: { code: ["type", "error.code"], message: ["detail", "error.message"] },
    },
  ],
  [
    "cookie-no-server.json",
    {
      baseUrl: undefined,
      auth: { kind: "apiKey", scheme: "session", in: "cookie", name: "SID" },
      otherSchemes: [],
      errorFields: { code: ["code"], message: ["message"] },
    },
  ],
])("reads the client's wiring from %s", (given, want) => {
  expect(readClientWiring(readSpec(fixture(given)))).toEqual(want);
});

test("a spec without a server with defaults makes baseUrl required; a basic scheme imports the local auth", () => {
  const source = clientSource("w", "Wiring", "createWClient", "WClient", {
    baseUrl: undefined,
    auth: { kind: "basic", scheme: "basic" },
    otherSchemes: [],
    errorFields: { code: ["code"], message: ["message"] },
  });
  expect(source).toContain("  baseUrl: string;\n");
  expect(source).toContain('import { basicAuth } from "./auth.js";');
  expect(source).toContain("auth: basicAuth(credentials),");
});
