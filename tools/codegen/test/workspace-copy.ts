import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { findRoot, readApis } from "../src/index.js";

const repo = findRoot(fileURLToPath(import.meta.url));

/** A temporary copy of the parts of this workspace a new provider is made from; the caller removes it. */
export function workspaceCopy(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const file of [
    "redocly.yaml",
    "pnpm-workspace.yaml",
    "tools/codegen/redocly-rules.yaml",
    "tools/codegen/redocly-plugin.js",
    "packages/ignisign/package.json",
    "packages/ignisign/tsconfig.json",
    "packages/ignisign/tsconfig.build.json",
    "packages/ignisign/vitest.config.ts",
    "packages/ignisign/turbo.json",
    "packages/ignisign/test/contract/mock-setup.ts",
    // Every listed provider's own config (readApis reads them all).
    ...readApis(repo).map((api) => relative(repo, api.config)),
  ]) {
    cpSync(join(repo, file), join(dir, file), { recursive: true });
  }
  return dir;
}
