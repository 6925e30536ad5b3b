import { spawnSync } from "node:child_process";
import { findRoot } from "./config.js";
import { newProvider } from "./new-provider.js";

const [name, ...rest] = process.argv.slice(2);
const titleAt = rest.indexOf("--title");
if (!name || name.startsWith("-")) {
  console.error('usage: pnpm new-provider <name> [--title "Name as the docs write it"]\n\nThe spec must already be at specs/<name>/openapi.yaml.');
  process.exit(2);
}
const root = findRoot();
try {
  const files = newProvider(root, { name, ...(titleAt >= 0 && rest[titleAt + 1] ? { title: rest[titleAt + 1] } : {}) });
  console.log(files.map((file) => `  wrote ${file}`).join("\n"));
  // Links the new package into the workspace; the build then lints, generates and compiles it.
  const install = spawnSync("pnpm", ["install"], { cwd: root, stdio: "inherit" });
  if (install.status !== 0) process.exit(install.status ?? 1);
  const build = spawnSync("pnpm", ["turbo", "run", "build", `--filter=@signhub/${name}`], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
  console.log(`\n@signhub/${name} is built; \`pnpm test\` runs its contract test against the mock of its spec.`);
} catch (error) {
  console.error(`new-provider ${name}: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
