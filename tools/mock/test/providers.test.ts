import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import { findProvider, listProviders } from "../src/providers.js";
import { findRepoRoot } from "../src/repo-root.js";
import { fixture } from "./helpers.js";

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

test("lists redocly.yaml's apis in table order with absolute spec paths", () => {
  expect(listProviders(fixture("workspace"))).toEqual([
    { name: "alpha", specPath: fixture("workspace", "specs", "alpha", "openapi.yaml"), port: 4014 },
    { name: "beta", specPath: fixture("workspace", "specs", "beta", "openapi.yaml"), port: 4015 },
  ]);
});

test("gives known providers their dev port and others the next numbers after the highest", () => {
  const ports = listProviders(fixture("ports")).map(({ name, port }) => [name, port]);
  expect(ports).toEqual([
    ["ignisign", 4010],
    ["acme", 4014],
    ["nevis-idm", 4011],
    ["minka-ledger", 4012],
    ["plumery-idp-connector", 4013],
    ["zenith", 4015],
  ]);
});

test("a provider's own x-signhub-mock-port holds wherever it sits in the table", () => {
  const ports = listProviders(fixture("own-ports")).map(({ name, port }) => [name, port]);
  expect(ports).toEqual([
    ["zenith", 4021],
    ["ignisign", 4010],
    ["acme", 4020],
    ["hand-listed", 4022],
  ]);
});

test("a provider's port and spec come from its own config, specs/<name>/redocly.yaml, where it has one", () => {
  expect(listProviders(fixture("own-config"))).toEqual([
    { name: "gamma", specPath: fixture("own-config", "specs", "gamma", "openapi.yaml"), port: 4030 },
    { name: "hand-listed", specPath: fixture("own-config", "specs", "hand-listed", "openapi.yaml"), port: 4031 },
  ]);
});

test("finds one provider by its own config alone, listed in the root's table or not", () => {
  // delta is not in the root's table: a test of one provider reads nothing the others share.
  expect(findProvider("delta", fixture("own-config"))).toEqual({ name: "delta", specPath: fixture("own-config", "published", "delta.json"), port: 4031 });
  expect(findProvider("gamma", fixture("own-config"))?.port).toBe(4030);
  // Without a config of its own, from the root's table.
  expect(findProvider("hand-listed", fixture("own-config"))?.port).toBe(4031);
  expect(findProvider("missing", fixture("own-config"))).toBeUndefined();
});

test("reads the repo's own redocly.yaml by default", () => {
  expect(listProviders().map(({ name, port }) => `${name}:${port}`)).toEqual([
    "ignisign:4010",
    "nevis-idm:4011",
    "minka-ledger:4012",
    "plumery-idp-connector:4013",
  ]);
  expect(listProviders()[0]?.specPath).toBe(join(repoRoot, "specs", "ignisign", "openapi.yaml"));
});

test("finds the repo root from a directory below it", () => {
  expect(findRepoRoot(fixture("workspace", "specs", "alpha"))).toBe(repoRoot);
});

test("throws naming redocly.yaml when the root has none", () => {
  expect(() => listProviders(fixture("specs"))).toThrow(/redocly\.yaml/);
});
