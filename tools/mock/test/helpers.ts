import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Absolute path of a file or directory under test/fixtures. */
export function fixture(...parts: string[]): string {
  return join(dirname(fileURLToPath(import.meta.url)), "fixtures", ...parts);
}

/** Whether a process with this id exists. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Command lines of running processes that mention `specPath`. */
export function processesMentioning(specPath: string): string[] {
  return execFileSync("ps", ["-eo", "args="], { encoding: "utf8" })
    .split("\n")
    .filter((args) => args.includes(specPath));
}

/** Whether the process with this id is gone within `timeoutMs`; a signalled process takes a moment to exit. */
export async function isGoneWithin(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isRunning(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  return !isRunning(pid);
}
