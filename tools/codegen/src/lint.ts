import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** What a lint run printed and how it ended. */
export interface LintResult {
  status: number;
  /** stdout and stderr together. */
  output: string;
  /** stdout alone (where `--format json` writes its report). */
  stdout: string;
}

/**
 * Lints specs with Redocly and the root redocly.yaml (strict rules plus signhub's own): `targets` are
 * API names from redocly.yaml or spec paths. Prints as it goes unless `capture` is set.
 */
export function lint(root: string, targets: string[], { capture = false, format = "codeframe" } = {}): LintResult {
  return redocly(root, ["lint", ...targets, "--format", format], { capture });
}

/** Runs a Redocly CLI command with the root redocly.yaml. */
export function redocly(root: string, args: string[], { capture = false } = {}): LintResult {
  const require = createRequire(import.meta.url);
  const cliPackage = require.resolve("@redocly/cli/package.json");
  const bin = (require(cliPackage) as { bin: Record<string, string> }).bin.redocly!;
  const result = spawnSync(process.execPath, [join(dirname(cliPackage), bin), ...args, "--config", join(root, "redocly.yaml")], {
    cwd: root,
    stdio: capture ? "pipe" : "inherit",
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    // Redocly's telemetry and update check would try the network.
    env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
  });
  return { status: result.status ?? 1, output: `${result.stdout ?? ""}${result.stderr ?? ""}`, stdout: result.stdout ?? "" };
}
