import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, isAbsolute, join } from "node:path";
import { findApi } from "./config.js";

/** What a lint run printed and how it ended. */
export interface LintResult {
  status: number;
  /** stdout and stderr together. */
  output: string;
  /** stdout alone (where `--format json` writes its report). */
  stdout: string;
}

/**
 * Lints specs with Redocly (strict rules plus signhub's own): `targets` are API names from redocly.yaml,
 * each linted with its own config (`specs/<name>/redocly.yaml`, and the ignore file beside it), or spec
 * paths, linted with the root redocly.yaml. Prints as it goes unless `capture` is set.
 */
export function lint(root: string, targets: string[], { capture = false, format = "codeframe" } = {}): LintResult {
  const results = targets.map((target) => {
    const config = isAbsolute(target) ? undefined : findApi(root, target).config;
    return redocly(root, ["lint", target, "--format", format], { capture, ...(config ? { config } : {}) });
  });
  return {
    status: Math.max(0, ...results.map((result) => result.status)),
    output: results.map((result) => result.output).join(""),
    stdout: results.map((result) => result.stdout).join(""),
  };
}

/** Runs a Redocly CLI command with a config: the root redocly.yaml unless told. */
export function redocly(root: string, args: string[], { capture = false, config = join(root, "redocly.yaml") } = {}): LintResult {
  const require = createRequire(import.meta.url);
  const cliPackage = require.resolve("@redocly/cli/package.json");
  const bin = (require(cliPackage) as { bin: Record<string, string> }).bin.redocly!;
  const result = spawnSync(process.execPath, [join(dirname(cliPackage), bin), ...args, "--config", config], {
    cwd: root,
    stdio: capture ? "pipe" : "inherit",
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    // Redocly's telemetry and update check would try the network.
    env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
  });
  return { status: result.status ?? 1, output: `${result.stdout ?? ""}${result.stderr ?? ""}`, stdout: result.stdout ?? "" };
}
