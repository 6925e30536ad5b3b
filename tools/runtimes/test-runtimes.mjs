// `pnpm test:runtimes`: the runtime packages' tests (unit and contract) on every Node they support.
// Each package's vitest runs under each Node, installed from the npm registry into the cache once, against the
// workspace's dist/ as built (the root script builds first). Prism needs a newer Node than the runtime
// packages do, so the mocks always run on the development Node, 24 (SIGNHUB_PRISM_NODE, read by tools/mock).
// Type tests are left out: they check TypeScript, which is the same on every Node; `pnpm test` runs them.
//
//   node tools/runtimes/test-runtimes.mjs [--node 20,22] [package…]
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { parseArgs, stripVTControlCharacters } from "node:util";
import { installNode, isAtLeast, nodeVersion, repoRoot } from "./install-node.mjs";

/** The Node majors the runtime packages support (their `engines.node` is >=20.19.0). */
const RUNTIMES = [20, 22, 24, 26];
/** A run that takes longer is stopped and counted as failed. */
const RUN_TIMEOUT_MS = 10 * 60_000;

let majors, packages;
try {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { node: { type: "string" } } });
  majors = values.node ? values.node.split(",").map((major) => major.trim()) : RUNTIMES;
  packages = selectPackages(positionals);
} catch (error) {
  console.error(`${error.message}\nUsage: pnpm test:runtimes [--node 20,22] [package…]`);
  process.exit(2);
}

let prismNode;
let incomplete = false;
const results = [];
const scratch = mkdtempSync(join(tmpdir(), "signhub-runtimes-"));
try {
  prismNode = installPrismNode();
  for (const major of majors) {
    const node = installNode(major);
    const version = nodeVersion(node);
    for (const pkg of packages) {
      const result = await runVitest(pkg, node, join(scratch, `${major}-${pkg.dir}.json`));
      results.push(result);
      const skipped = result.skipped > 0 ? `, ${result.skipped} skipped` : "";
      console.log(
        `node ${version.padEnd(9)} ${pkg.name.padEnd(32)} ${result.passed} passed, ${result.failed} failed${skipped}` +
          ` (${(result.ms / 1000).toFixed(1)} s)${result.ok ? "" : "  FAILED"}`,
      );
      if (!result.ok) console.log(indent(result.output));
    }
  }
} catch (error) {
  // A Node that could not be installed: the matrix is incomplete, so no closing count.
  console.error(error.message);
  incomplete = true;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
if (incomplete) process.exit(1);

const passed = sum(results, "passed");
const failed = sum(results, "failed");
const failedRuns = results.filter((result) => !result.ok).length;
// .ci/run reads this line.
console.log(
  `runtimes: ${passed} passed, ${failed} failed in ${results.length} runs` +
    ` (${packages.length} packages × Node ${majors.join(", ")})` +
    (failedRuns > 0 ? `; runs failed: ${failedRuns}` : ""),
);
process.exitCode = failedRuns > 0 ? 1 : 0;

/** The development Node (.nvmrc), installed into the cache, at least what Prism's `engines.node` asks for. */
function installPrismNode() {
  const major = readFileSync(join(repoRoot, ".nvmrc"), "utf8").trim();
  const prismPackage = createRequire(join(repoRoot, "tools", "mock", "package.json")).resolve("@stoplight/prism-cli/package.json");
  const range = JSON.parse(readFileSync(prismPackage, "utf8")).engines?.node ?? "";
  const minimum = /^>=\s*(\d+\.\d+\.\d+)$/.exec(range)?.[1] ?? "0.0.0";
  return installNode(major, { accept: (version) => isAtLeast(version, minimum) });
}

/** Runs one package's vitest under `node`; resolves to its counts and, when it failed, its output. */
function runVitest(pkg, node, reportPath) {
  const vitest = join(pkg.path, "node_modules", "vitest", "vitest.mjs");
  if (!existsSync(vitest)) {
    return { ok: false, passed: 0, failed: 0, skipped: 0, ms: 0, output: `${vitest} is missing: run pnpm install` };
  }
  const args = [vitest, "run", "--typecheck.enabled=false", "--reporter=default", "--reporter=json"];
  args.push(`--outputFile.json=${reportPath}`);
  const started = Date.now();
  const child = spawn(node, args, {
    cwd: pkg.path,
    // Detached, so a run that hangs can be stopped with everything it started.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      // Anything the tests start with `node` runs on the Node under test too.
      PATH: `${dirname(node)}:${process.env.PATH ?? ""}`,
      SIGNHUB_PRISM_NODE: prismNode,
      // vitest colours its output whenever FORCE_COLOR is set, whatever its value.
      FORCE_COLOR: undefined,
      NO_COLOR: "1",
    },
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const timer = setTimeout(() => {
    output += `\nstopped after ${RUN_TIMEOUT_MS / 60_000} minutes\n`;
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  }, RUN_TIMEOUT_MS);
  return new Promise((resolve) => {
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      const report = readReport(reportPath);
      const counts = {
        passed: report?.numPassedTests ?? 0,
        failed: report?.numFailedTests ?? 0,
        skipped: (report?.numPendingTests ?? 0) + (report?.numTodoTests ?? 0),
      };
      const ok = code === 0 && report !== undefined && report.success && counts.failed === 0;
      if (!ok && code !== 0) output += `\nvitest exited with ${signal ?? `code ${code}`}\n`;
      resolve({ ok, ...counts, ms: Date.now() - started, output: stripVTControlCharacters(output) });
    });
  });
}

function readReport(path) {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return undefined;
  }
}

/** The runtime packages: every folder under packages/, or those named on the command line. */
function selectPackages(names) {
  const all = readdirSync(join(repoRoot, "packages"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(repoRoot, "packages", entry.name, "package.json")))
    .map((entry) => {
      const path = join(repoRoot, "packages", entry.name);
      return { dir: entry.name, path, name: JSON.parse(readFileSync(join(path, "package.json"), "utf8")).name };
    });
  if (names.length === 0) return all;
  return names.map((name) => {
    const pkg = all.find((candidate) => candidate.dir === name || candidate.name === name);
    if (pkg === undefined) throw new Error(`Unknown package "${name}"; known: ${all.map((p) => p.dir).join(", ")}`);
    return pkg;
  });
}

function sum(items, key) {
  return items.reduce((total, item) => total + item[key], 0);
}

function indent(text) {
  return text
    .trimEnd()
    .split("\n")
    .map((line) => `    ${line}`)
    .join("\n");
}
