// Fails unless a newcomer's flow works on a published spec of many shapes (README, "Bringing a published
// spec"): on a copy of the workspace, `pnpm new-provider newcomer-sign --from tools/ci/fixtures/newcomer/openapi.yaml`
// (OpenAPI 3.1 with 3.0's `nullable`, a schema it never defines, a Markdown description and an example's value
// brought in by $ref, two security schemes — bearer and an API key in the query — chosen per operation, an
// operation without security, a body in JSON and as a form, `2XX`, `4XX` and `default` responses, one without a
// schema, no servers, an example that breaks its own schema), then its contract test against its mock: the one case of
// the spec's own defect fails, named so; recorded with SIGNHUB_RECORD_SPEC_DEFECTS=1, the next run is green.
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
// The client and its contract test, every generated call included, compile (`pnpm test` runs this task first).
run("pnpm", ["turbo", "run", "typecheck", "--filter=@signhub/newcomer-sign"]);
// The spec's own defect (an example that breaks its schema) fails its case, saying so; recorded in the overlay
// with one command, the next run is green with that case listed.
const test = (extra = {}) => {
  const args = ["--filter", "@signhub/newcomer-sign", "test", "--reporter=verbose"];
  const result = spawnSync("pnpm", args, { cwd: copy, env: { ...env, ...extra }, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const output = stripVTControlCharacters(`${result.stdout}${result.stderr}`);
  const count = (word) => Number(new RegExp(`Tests\\s.*?(\\d+) ${word}`).exec(output)?.[1] ?? 0);
  return { output, status: result.status, passed: count("passed"), failed: count("failed") };
};
const first = test();
if (first.failed !== 1 || !first.output.includes("Why: the spec's own example breaks its schema")) {
  failures.push(`its first contract run: ${first.passed} passed, ${first.failed} failed (want the one case of the spec's own defect, named so)`);
}
const recording = test({ SIGNHUB_RECORD_SPEC_DEFECTS: "1" });
const tested = test();
if (recording.status !== 0 || tested.status !== 0 || tested.failed > 0 || !tested.output.includes("fails for a known spec defect")) {
  failures.push(`after recording the spec's defect: ${tested.passed} passed, ${tested.failed} failed`);
}
for (const file of ["openapi.yaml", "docs/intro.md", "docs/created.json"]) {
  if (!readFileSync(join(copy, "specs/newcomer-sign/published", file)).equals(readFileSync(join(repo, spec, file))))
    failures.push(`published/${file} is not the vendor's file byte for byte`);
}
const index = readFileSync(join(copy, "packages/newcomer-sign/src/index.ts"), "utf8");
for (const wiring of ["securitySchemes(", 'apiKeyAuth({ in: "query", name: "api_key"', "bearerAuth(accessToken", "baseUrl: string;", '"error.error_name"']) {
  if (!index.includes(wiring)) failures.push(`src/index.ts does not wire ${wiring}`);
}
const { passed } = tested;
if (passed < 12) failures.push(`its contract test ran ${passed} cases`);
if ([first, recording, tested].some(({ output }) => /contract-test-(token|key|password)/.test(output)))
  failures.push("a made-up credential shows in the test output");

if (failures.length) {
  console.error(`new-provider on a published spec:\n  ${failures.join("\n  ")}`);
  process.exit(1);
}
console.log(`new-provider on a published spec: built and contract-tested with no hand edit, ${passed} cases passed, the spec's one defect listed by recording`);
