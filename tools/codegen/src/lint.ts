import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** Lints one provider's spec (or all) with Redocly and the root redocly.yaml; returns the exit code. */
export function lint(root: string, names: string[]): number {
  const require = createRequire(import.meta.url);
  const cliPackage = require.resolve("@redocly/cli/package.json");
  const bin = (require(cliPackage) as { bin: Record<string, string> }).bin.redocly!;
  const result = spawnSync(process.execPath, [join(dirname(cliPackage), bin), "lint", ...names, "--format", "codeframe"], {
    cwd: root,
    stdio: "inherit",
    // Redocly's telemetry and update check would try the network.
    env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
  });
  return result.status ?? 1;
}
