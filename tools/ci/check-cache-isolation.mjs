// Fails unless a provider's lint:specs, generate, build and test hashes depend on that provider's own files and
// the shared lint rules only (README, "How a spec change reaches a client"). On a copy of the workspace's files,
// compares turbo's dry-run hashes (`turbo run build test --dry=json`) before and after each edit:
// - a rule for one provider alone, in its own config: that provider's tasks change, no other provider's;
// - an ignore file for one provider: the same;
// - a provider listed in the root redocly.yaml (the shared part of adding one): no provider's task changes;
// - signhub's lint rules: every provider's lint:specs changes, so that no cached pass is replayed.
import { execFileSync } from "node:child_process";
import { appendFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { repo, workspaceCopy } from "./workspace-copy.mjs";

const turbo = join(repo, "node_modules/.bin/turbo");
const copy = workspaceCopy("signhub-cache-isolation-");

const providers = readdirSync(join(copy, "specs")).filter((name) => readdirSync(join(copy, "specs", name)).includes("redocly.yaml"));
const tasks = ["lint:specs", "generate", "build", "test"];

/** Each provider's task hashes, by `<provider>#<task>`. */
function hashes() {
  const dry = JSON.parse(execFileSync(turbo, ["run", "build", "test", "--dry=json"], { cwd: copy, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }));
  const byId = new Map(dry.tasks.map((task) => [task.taskId, task.hash]));
  return Object.fromEntries(providers.flatMap((name) => tasks.map((task) => [`${name}#${task}`, byId.get(`@signhub/${name}#${task}`)])));
}

const failures = [];
/** Applies `edit`, then checks that exactly the tasks `expected` says changed did; undoes nothing (later edits stack). */
function check(what, edit, expected) {
  const before = hashes();
  edit();
  const after = hashes();
  for (const [id, hash] of Object.entries(before)) {
    const changed = after[id] !== hash;
    if (changed !== expected(id)) failures.push(`${what}: ${id} ${changed ? "changed" : "did not change"}`);
  }
}

const [first] = providers;
if (!first || providers.length < 2) throw new Error(`need two providers with a specs/<name>/redocly.yaml, found ${providers.join(", ") || "none"}`);
const ofFirst = (id) => id.startsWith(`${first}#`);
check(`a rule for ${first} alone`, () => appendFileSync(join(copy, "specs", first, "redocly.yaml"), "    rules:\n      operation-summary: warn\n"), ofFirst);
check(`an ignore file for ${first}`, () => writeFileSync(join(copy, "specs", first, ".redocly.lint-ignore.yaml"), "openapi.yaml: {}\n"), ofFirst);
check(
  "a provider listed in redocly.yaml",
  () => appendFileSync(join(copy, "redocly.yaml"), "  acme-new:\n    root: specs/acme-new/openapi.yaml\n"),
  () => false,
);
check(
  "signhub's lint rules",
  () => appendFileSync(join(copy, "tools/codegen/redocly-rules.yaml"), "# edited\n"),
  () => true,
);

if (failures.length) {
  console.error(`task hashes are not isolated per provider:\n  ${failures.join("\n  ")}`);
  process.exit(1);
}
console.log(`cache isolation: ${providers.length} providers' ${tasks.join(", ")} hashes change with their own files and the shared rules only`);
