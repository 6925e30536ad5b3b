// Installs a Node.js build from the npm registry (the `node-<platform>-<arch>` packages carry the
// official binaries) into a cache folder, once per major, and prints the path of its `node`.
// Runs on any Node ≥ 20 and needs only `npm` and `tar`: CI reaches the npm registry and nothing else.
//
//   node tools/runtimes/install-node.mjs 24   →   /…/signhub/.cache/node/24/bin/node
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repo root: two levels above this file. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * Where installed Nodes are kept, one folder per major (gitignored).
 * @default <repo>/.cache/node, or $SIGNHUB_NODE_CACHE
 */
export const nodeCacheDir = resolve(process.env.SIGNHUB_NODE_CACHE ?? join(repoRoot, ".cache", "node"));

/** The path of `node` for this Node major, installed from the npm registry unless already cached. */
export function installNode(major, { cacheDir = nodeCacheDir, accept = () => true } = {}) {
  if (!/^\d+$/.test(String(major))) throw new Error(`Expected a Node major version such as 24, got "${major}"`);
  const target = join(cacheDir, String(major));
  const binary = join(target, "bin", "node");
  if (existsSync(binary) && accept(nodeVersion(binary))) return binary;

  const pkg = `node-${process.platform}-${process.arch}@${major}`;
  mkdirSync(cacheDir, { recursive: true });
  const scratch = mkdtempSync(join(cacheDir, `.${major}-`));
  try {
    // --json: npm prints the tarball's file name there, and nothing else on stdout.
    const [{ filename }] = JSON.parse(
      execFileSync("npm", ["pack", pkg, "--json", "--silent", "--pack-destination", scratch], {
        cwd: scratch,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      }),
    );
    const unpacked = join(scratch, "node");
    mkdirSync(unpacked);
    execFileSync("tar", ["-xzf", join(scratch, filename), "--strip-components=1", "-C", unpacked]);
    const version = nodeVersion(join(unpacked, "bin", "node"));
    if (!version.startsWith(`v${major}.`) || !accept(version)) {
      throw new Error(`${pkg} unpacked a Node ${version}, which does not fit`);
    }
    rmSync(target, { recursive: true, force: true });
    try {
      renameSync(unpacked, target);
    } catch (error) {
      // Another process installed the same major meanwhile: keep theirs.
      if (!existsSync(binary)) throw error;
    }
    process.stderr.write(`installed Node ${version} from the npm registry (${pkg}) into ${target}\n`);
    return binary;
  } catch (error) {
    throw new Error(`Could not install Node ${major} from the npm registry (${pkg}): ${describe(error)}`, {
      cause: error,
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The `vX.Y.Z` version a Node binary reports. */
export function nodeVersion(binary) {
  return execFileSync(binary, ["--version"], { encoding: "utf8" }).trim();
}

/** Whether a `vX.Y.Z` version is at least a `X.Y.Z` minimum. */
export function isAtLeast(version, minimum) {
  const have = version.replace(/^v/, "").split(".").map(Number);
  const want = minimum.replace(/^v/, "").split(".").map(Number);
  for (let i = 0; i < 3; i++) {
    if ((have[i] ?? 0) !== (want[i] ?? 0)) return (have[i] ?? 0) > (want[i] ?? 0);
  }
  return true;
}

function describe(error) {
  const stderr = error?.stderr?.toString().trim();
  return stderr ? `${error.message}\n${stderr}` : String(error?.message ?? error);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [major] = process.argv.slice(2);
  try {
    process.stdout.write(`${installNode(major)}\n`);
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
  }
}
