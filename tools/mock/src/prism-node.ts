import { existsSync } from "node:fs";

/** Options for {@link choosePrismNode}; the defaults describe this process. */
export interface ChoosePrismNodeOptions {
  /** A Node binary chosen by the caller; wins over everything else. */
  node?: string | undefined;
  /** @default process.env */
  env?: NodeJS.ProcessEnv;
  /** @default process.execPath */
  execPath?: string;
  /** This process's Node version, `vX.Y.Z`. @default process.version */
  version?: string;
  /** The lowest Node version Prism supports, `X.Y.Z`; `undefined` checks nothing. */
  minimum: string | undefined;
}

/** The Node binary that runs Prism, or why there is none. */
export type PrismNode = { path: string } | { problem: string };

/**
 * The Node to run Prism with: `node` if given, else `$SIGNHUB_PRISM_NODE`, else this process's own Node if it
 * is recent enough for Prism. The runtime packages' tests run on Node versions older than Prism supports
 * (`pnpm test:runtimes`), so their mock needs a Node of its own.
 */
export function choosePrismNode(options: ChoosePrismNodeOptions): PrismNode {
  const { env = process.env, execPath = process.execPath, version = process.version, minimum } = options;
  const chosen = options.node ?? (env["SIGNHUB_PRISM_NODE"] || undefined);
  if (chosen !== undefined) {
    const source = options.node === undefined ? "SIGNHUB_PRISM_NODE" : "the `node` option";
    return existsSync(chosen) ? { path: chosen } : { problem: `${source} names ${chosen}, which does not exist` };
  }
  if (minimum === undefined || isAtLeast(version, minimum)) return { path: execPath };
  return {
    problem:
      `Prism needs Node ≥ ${minimum} and this is Node ${version}: ` + `run under Node 24 (.nvmrc), or set SIGNHUB_PRISM_NODE to a Node ≥ ${minimum} binary`,
  };
}

/** Whether version `vX.Y.Z` (or `X.Y.Z`) is at least `minimum`. */
export function isAtLeast(version: string, minimum: string): boolean {
  const have = version.replace(/^v/, "").split(".").map(Number);
  const want = minimum.replace(/^v/, "").split(".").map(Number);
  for (let i = 0; i < 3; i++) {
    const a = have[i] ?? 0;
    const b = want[i] ?? 0;
    if (a !== b) return a > b;
  }
  return true;
}
