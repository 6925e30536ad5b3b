import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The nearest directory at or above `from` that holds `pnpm-workspace.yaml`: the signhub repo root. */
export function findRepoRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  while (!existsSync(join(dir, "pnpm-workspace.yaml"))) {
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error(`Cannot find the signhub repo root (a directory with pnpm-workspace.yaml) at or above ${from}`);
    }
    dir = parent;
  }
  return dir;
}
