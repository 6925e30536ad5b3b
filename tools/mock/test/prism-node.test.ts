import { describe, expect, test } from "vitest";
import { getFreePort } from "../src/free-port.js";
import { startPrism } from "../src/prism.js";
import { choosePrismNode, isAtLeast } from "../src/prism-node.js";
import { fixture } from "./helpers.js";

describe("choosePrismNode", () => {
  const here = { execPath: "/usr/bin/node", env: {}, minimum: "24.18.0" };

  test("runs Prism with this process's Node when it is recent enough", () => {
    expect(choosePrismNode({ ...here, version: "v24.18.0" })).toEqual({ path: "/usr/bin/node" });
    expect(choosePrismNode({ ...here, version: "v26.1.0" })).toEqual({ path: "/usr/bin/node" });
  });

  test("runs Prism with $SIGNHUB_PRISM_NODE, whatever this process's Node", () => {
    const env = { SIGNHUB_PRISM_NODE: process.execPath };
    expect(choosePrismNode({ ...here, env, version: "v20.19.0" })).toEqual({ path: process.execPath });
  });

  test("prefers the `node` option to $SIGNHUB_PRISM_NODE", () => {
    const env = { SIGNHUB_PRISM_NODE: "/nowhere/node" };
    expect(choosePrismNode({ ...here, env, node: process.execPath })).toEqual({ path: process.execPath });
  });

  test("refuses this process's Node when Prism's engines exclude it, saying how to fix it", () => {
    expect(choosePrismNode({ ...here, version: "v20.20.2" })).toEqual({
      problem: "Prism needs Node ≥ 24.18.0 and this is Node v20.20.2: run under Node 24 (.nvmrc), " + "or set SIGNHUB_PRISM_NODE to a Node ≥ 24.18.0 binary",
    });
  });

  test("refuses a $SIGNHUB_PRISM_NODE that does not exist", () => {
    const env = { SIGNHUB_PRISM_NODE: "/nowhere/node" };
    expect(choosePrismNode({ ...here, env })).toEqual({
      problem: "SIGNHUB_PRISM_NODE names /nowhere/node, which does not exist",
    });
  });
});

test.each([
  ["v24.18.0", "24.18.0", true],
  ["v24.17.9", "24.18.0", false],
  ["v26.0.0", "24.18.0", true],
  ["20.19.0", "24.18.0", false],
  ["v24.100.0", "24.18.0", true],
])("isAtLeast(%s, %s) is %s", (version, minimum, expected) => {
  expect(isAtLeast(version, minimum)).toBe(expected);
});

test("a mock whose `node` does not exist fails before spawning, naming the option", async () => {
  const specPath = fixture("specs", "minimal.yaml");
  await expect(startPrism({ specPath, port: await getFreePort(), node: "/nowhere/node" })).rejects.toThrow(
    `Mock of ${specPath} did not start: the \`node\` option names /nowhere/node, which does not exist`,
  );
});
