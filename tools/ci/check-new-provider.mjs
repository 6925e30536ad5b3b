// Fails unless a newcomer's flow works on a published spec of many shapes (README, "Bringing a published
// spec"): on a copy of the workspace, `pnpm new-provider newcomer-sign --from tools/ci/fixtures/newcomer/openapi.yaml`
// (OpenAPI 3.1 with 3.0's `nullable`, a schema it never defines, a Markdown description and an example's value
// brought in by $ref, two security schemes — bearer and an API key in the query — chosen per operation, an
// operation without security, a body in JSON and as a form, `2XX`, `4XX` and `default` responses, one without a
// schema, no servers), then its contract test against its mock: every case green, no hand edit.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { repo, workspaceCopy } from "./workspace-copy.mjs";

const copy = workspaceCopy("signhub-new-provider-");
// The build's cache: the workspace's own packages are restored, not built again.
if (existsSync(join(repo, ".turbo/cache"))) cpSync(join(repo, ".turbo/cache"), join(copy, ".turbo/cache"), { recursive: true });

const failures = [];
// Every package is in the store already: nothing is fetched.
const env = { ...process.env, npm_config_prefer_offline: "true", CI: "true" };
function run(command, args) {
  const result = spawnSync(command, args, { cwd: copy, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const output = stripVTControlCharacters(`${result.stdout}${result.stderr}`);
  if (result.status !== 0) {
    console.error(output.split("\n").slice(-80).join("\n"));
    throw new Error(`\`${[command, ...args].join(" ")}\` exited ${result.status}`);
  }
  return output;
}

run("pnpm", ["install", "--frozen-lockfile", "--prefer-offline"]);
// As a newcomer does: install, build (the workspace's tasks come from the cache), then bring the spec.
run("pnpm", ["build"]);
const spec = "tools/ci/fixtures/newcomer";
run("pnpm", ["new-provider", "newcomer-sign", "--from", `${spec}/openapi.yaml`]);
const tested = run("pnpm", ["turbo", "run", "test", "--filter=@signhub/newcomer-sign"]);

for (const file of ["openapi.yaml", "docs/intro.md", "docs/created.json"]) {
  if (!readFileSync(join(copy, "specs/newcomer-sign/published", file)).equals(readFileSync(join(repo, spec, file))))
    failures.push(`published/${file} is not the vendor's file byte for byte`);
}
const index = readFileSync(join(copy, "packages/newcomer-sign/src/index.ts"), "utf8");
for (const wiring of ["securitySchemes(", 'apiKeyAuth({ in: "query", name: "api_key"', "bearerAuth(accessToken", "baseUrl: string;", '"error.error_name"']) {
  if (!index.includes(wiring)) failures.push(`src/index.ts does not wire ${wiring}`);
}
const summary = /Tests\s+(\d+) passed(?:\s*\|\s*(\d+) failed)?/.exec(tested.split("@signhub/newcomer-sign:test").join(""));
const [passed, failed] = [Number(summary?.[1] ?? 0), Number(summary?.[2] ?? 0)];
if (!summary || failed > 0 || passed < 10) failures.push(`its contract test: ${passed} passed, ${failed} failed`);
if (/contract-test-(token|key|password)/.test(tested)) failures.push("a made-up credential shows in the test output");

if (failures.length) {
  console.error(`new-provider on a published spec:\n  ${failures.join("\n  ")}`);
  process.exit(1);
}
console.log(`new-provider on a published spec: built and contract-tested with no hand edit, ${passed} cases passed`);
