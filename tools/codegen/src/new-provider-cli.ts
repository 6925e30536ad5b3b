import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { findRoot } from "./config.js";
import { newProvider } from "./new-provider.js";

const usage = `usage: pnpm new-provider <name> [--title "Name as the docs write it"]
       pnpm new-provider <name> --from <published spec file> [--title "…"]

Without --from, the spec must already be at specs/<name>/openapi.yaml (hand-written).
With --from, the file (YAML or JSON, OpenAPI 3.0 or 3.1) and every file its relative $refs reach are copied
byte for byte to specs/<name>/published/, and signhub's additions go to specs/<name>/signhub.overlay.yaml.
Run the same command again after a failure: it resumes where it stopped.`;

let parsed: ReturnType<typeof parseArgs<{ options: { title: { type: "string" }; from: { type: "string" } }; allowPositionals: true }>>;
try {
  parsed = parseArgs({ args: process.argv.slice(2), options: { title: { type: "string" }, from: { type: "string" } }, allowPositionals: true });
} catch (error) {
  console.error(`${error instanceof Error ? error.message : error}\n\n${usage}`);
  process.exit(2);
}
const [name, ...extra] = parsed.positionals;
if (!name || extra.length) {
  console.error(usage);
  process.exit(2);
}
const root = findRoot();
const { title, from } = parsed.values;
const again = `pnpm new-provider ${name}${from ? ` --from ${from}` : ""}${title ? ` --title ${JSON.stringify(title)}` : ""}`;
try {
  // --from is relative to where the command was typed (pnpm runs scripts from the root; INIT_CWD is that folder).
  const files = await newProvider(root, {
    name,
    ...(title ? { title } : {}),
    ...(from ? { from: resolve(process.env.INIT_CWD ?? process.cwd(), from) } : {}),
  });
  const shown = files.length > 12 ? [...files.slice(0, 10), `… and ${files.length - 10} more`] : files;
  console.log(shown.map((file) => `  wrote ${file}`).join("\n"));
  // Links the new package into the workspace (the lockfile gains it, even where CI=true makes pnpm freeze it);
  // the build then lints, generates and compiles it.
  const install = spawnSync("pnpm", ["install", "--no-frozen-lockfile"], { cwd: root, stdio: "inherit" });
  if (install.status !== 0) fail(`pnpm install failed; fix what it printed, then run \`${again}\` again.`);
  // The new package written as Biome formats the rest of the tree (`pnpm lint` runs in CI).
  const format = spawnSync("pnpm", ["exec", "biome", "check", "--write", `packages/${name}`], { cwd: root, stdio: "inherit" });
  if (format.status !== 0) fail(`\`pnpm exec biome check --write packages/${name}\` failed; fix what it printed, then run \`${again}\` again.`);
  const build = spawnSync("pnpm", ["turbo", "run", "build", `--filter=@signhub/${name}`], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) fail(`the build failed; fix what it printed (the spec's overlay, the lint baseline or src/index.ts), then run \`${again}\` again.`);
  console.log(
    `\n@signhub/${name} is built; \`pnpm test\` runs its contract test against the mock of its spec.` +
      (from
        ? `\nA case that fails for the spec's own defect says why; \`SIGNHUB_RECORD_SPEC_DEFECTS=1 pnpm --filter @signhub/${name} test\`` +
          ` lists such cases in specs/${name}/signhub.overlay.yaml, for review.`
        : ""),
  );
} catch (error) {
  fail(`${error instanceof Error ? error.message : error}`);
}

function fail(message: string): never {
  console.error(`new-provider ${name}: ${message}`);
  process.exit(1);
}
