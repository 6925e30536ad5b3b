import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The workspace this script belongs to. */
export const repo = fileURLToPath(new URL("../../", import.meta.url));

/**
 * A temporary copy of the workspace's files as they are in the working tree (tracked ones and new ones not
 * ignored), removed when the process exits. Returns its folder.
 */
export function workspaceCopy(prefix) {
  const copy = mkdtempSync(join(tmpdir(), prefix));
  process.on("exit", () => rmSync(copy, { recursive: true, force: true }));
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: repo, encoding: "utf8" });
  for (const file of files.split("\0").filter((file) => file && existsSync(join(repo, file)))) {
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    cpSync(join(repo, file), join(copy, file));
  }
  return copy;
}
