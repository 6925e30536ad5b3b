// Prints the bin folder of a Node that fits the workspace's `engines.node` (package.json): this one if it
// fits, else the major in .nvmrc installed from the npm registry into the cache (once). .ci/run puts the
// folder first on PATH.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { installNode, isAtLeast, repoRoot } from "./install-node.mjs";

const range = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")).engines.node;
const minimum = /^>=\s*(\d+\.\d+\.\d+)$/.exec(range)?.[1];
if (minimum === undefined) throw new Error(`package.json engines.node should read ">=X.Y.Z", not "${range}"`);
const major = readFileSync(join(repoRoot, ".nvmrc"), "utf8").trim();

try {
  const node = isAtLeast(process.version, minimum) ? process.execPath : installNode(major, { accept: (version) => isAtLeast(version, minimum) });
  process.stdout.write(`${dirname(node)}\n`);
} catch (error) {
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
}
