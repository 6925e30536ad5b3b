// Codegen at scale, on GitHub's REST description (the npm package @octokit/openapi, installed: no network),
// brought in as `new-provider --from` brings a published spec: signhub's first overlay applied, the
// effective document written once as YAML (as lint:specs writes it) and once as JSON.
//
// 1. generate: signhub's generation (operation table and types from one parse) against bare
//    openapi-typescript on the same file. Target ≤ 1.2x.
// 2. type-check: a consumer calling three operations through a signhub client (@signhub/core's built
//    declarations, the generated table and types as a provider package ships them) against the same calls
//    through bare openapi-fetch, over the same generated types. Target ≤ 1x: no slower.
//
// Each measurement runs in a process of its own, the contenders taking turns, so that the machine's drift
// falls on both alike; printed are ratios of CPU time within this run (medians over the processes, and their
// lowest and highest), never absolute times.
import { fork } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { stringify } from "yaml";
import { applyOverlay, firstOverlay } from "../dist/index.js";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const TYPECHECK_ROUNDS = Number(process.env.BENCH_TYPECHECK_ROUNDS ?? 5);
const GENERATE_TARGET = 1.2;
const TYPECHECK_TARGET = 1;

const require = createRequire(import.meta.url);
const repo = fileURLToPath(new URL("../../../", import.meta.url));
const published = require.resolve("@octokit/openapi/generated/api.github.com.json");
const work = mkdtempSync(join(tmpdir(), "signhub-codegen-bench-"));
process.on("exit", () => rmSync(work, { recursive: true, force: true }));

/** Runs `script` once in a process of its own; resolves to what it sends. */
function once(script, args) {
  return new Promise((resolve, reject) => {
    const child = fork(new URL(script, import.meta.url), [JSON.stringify(args)], { stdio: "inherit" });
    let result;
    child.once("message", (message) => (result = message));
    child.once("error", reject);
    child.once("exit", (code) => (result ? resolve(result) : reject(new Error(`${script} exited with ${code}`))));
  });
}

/** `rounds` alternating runs of two contenders, the first going first in even rounds; each one's CPU ms. */
async function alternate(rounds, [a, b], run) {
  const times = { [a]: [], [b]: [] };
  for (let round = 0; round < rounds; round++) {
    for (const name of round % 2 === 0 ? [a, b] : [b, a]) times[name].push((await run(name)).cpuMs);
  }
  return times;
}

const median = (values) => {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** The ratio of the medians, with the lowest and highest ratio of one round's pair. */
function ratio(times, [a, b]) {
  const pairs = times[a].map((t, i) => t / times[b][i]);
  return { median: median(times[a]) / median(times[b]), low: Math.min(...pairs), high: Math.max(...pairs) };
}

const show = ({ median, low, high }, target) =>
  `${median.toFixed(2)}x (rounds ${low.toFixed(2)}–${high.toFixed(2)}; target ≤ ${target}x)${median <= target ? "" : "  ← over target"}`;

// The effective document, as signhub brings a published spec.
const doc = JSON.parse(readFileSync(published, "utf8"));
const effective = await applyOverlay(doc, firstOverlay(doc, "GitHub v3 REST API"), "signhub.overlay.yaml");
const operations = Object.values(effective.paths).reduce((n, item) => n + Object.keys(item).filter((key) => key !== "parameters").length, 0);
const specs = { YAML: join(work, "github.yaml"), JSON: join(work, "github.json") };
writeFileSync(specs.YAML, stringify(effective, { lineWidth: 0, aliasDuplicateObjects: false }));
writeFileSync(specs.JSON, JSON.stringify(effective));
console.log(`codegen at scale: GitHub's REST description (@octokit/openapi), ${operations} operations; CPU time, each run in a process of its own`);

const contenders = ["signhub", "openapi-typescript"];
for (const [format, spec] of Object.entries(specs)) {
  const times = await alternate(ROUNDS, contenders, (contender) =>
    once("./generate-once.mjs", { contender, spec, output: join(work, contender, format, "schema.ts") }),
  );
  console.log(`  generate, ${format} (${ROUNDS} rounds): signhub / openapi-typescript ${show(ratio(times, contenders), GENERATE_TARGET)}`);
}

// Three calls, each way, over the types signhub generated from the JSON document, as a provider package
// ships them: declarations (what its build emits), read by both consumers.
const generated = join(work, "signhub", "JSON");
const base = join(repo, "tsconfig.base.json");
const paths = {
  // A consumer sees core as published: its declarations (core's build, which this bench's turbo task depends on).
  "@signhub/core": [join(repo, "packages/core/dist/index.d.ts")],
  "openapi-fetch": [join(dirname(require.resolve("openapi-fetch/package.json")), "dist/index.d.mts")],
};
// Both consumers are Node projects: @types/node as the workspace has it (core's declarations need it too).
const compilerOptions = { paths, typeRoots: [join(repo, "node_modules/@types")] };
writeFileSync(join(generated, "package.json"), `{ "type": "module" }\n`);
declarations(
  ["schema.ts", "operations.ts"].map((file) => join(generated, file)),
  join(work, "consumer"),
);
const consumers = {
  signhub: `import { createOperations } from "@signhub/core";
import { operationTable } from "./operations.js";
import type { paths } from "./schema.js";

const github = createOperations<paths, typeof operationTable>(operationTable, { provider: "github", title: "GitHub", baseUrl: "https://api.github.com" });
const path = { owner: "octokit", repo: "openapi" };

export async function titles(): Promise<string[]> {
  const repo = await github.reposGet({ params: { path } });
  const issue = await github.issuesCreate({ params: { path }, body: { title: "Hello" } });
  const pulls = await github.pullsList({ params: { path, query: { state: "open" } } });
  // @ts-expect-error: a repository name is a string
  await github.reposGet({ params: { path: { owner: "octokit", repo: 1 } } });
  return [repo.full_name, issue.title, ...pulls.map((pull) => pull.title)];
}
`,
  "openapi-fetch": `import createClient from "openapi-fetch";
import type { paths } from "./schema.js";

const github = createClient<paths>({ baseUrl: "https://api.github.com" });
const path = { owner: "octokit", repo: "openapi" };

export async function titles(): Promise<string[]> {
  const { data: repo } = await github.GET("/repos/{owner}/{repo}", { params: { path } });
  const { data: issue } = await github.POST("/repos/{owner}/{repo}/issues", { params: { path }, body: { title: "Hello" } });
  const { data: pulls } = await github.GET("/repos/{owner}/{repo}/pulls", { params: { path, query: { state: "open" } } });
  // @ts-expect-error: a repository name is a string
  await github.GET("/repos/{owner}/{repo}", { params: { path: { owner: "octokit", repo: 1 } } });
  if (!repo || !issue || !pulls) throw new Error("no data");
  return [repo.full_name, issue.title, ...pulls.map((pull) => pull.title)];
}
`,
};
for (const [name, source] of Object.entries(consumers)) writeFileSync(join(work, "consumer", `${name}.ts`), source);

/** Emits the declarations of `files` into `outDir`, as a package's build does; fails on any diagnostic. */
function declarations(files, outDir) {
  const { options } = ts.parseJsonConfigFileContent(ts.readConfigFile(base, ts.sys.readFile).config, ts.sys, dirname(files[0]));
  const program = ts.createProgram(files, { ...options, ...compilerOptions, declaration: true, emitDeclarationOnly: true, declarationMap: false, outDir });
  const problems = [...ts.getPreEmitDiagnostics(program), ...program.emit().diagnostics];
  if (problems.length) throw new Error(`the generated files do not compile: ${ts.flattenDiagnosticMessageText(problems[0].messageText, "\n")}`);
  writeFileSync(join(outDir, "package.json"), `{ "type": "module" }\n`);
}

const typecheckContenders = ["signhub", "openapi-fetch"];
const times = await alternate(TYPECHECK_ROUNDS, typecheckContenders, (name) =>
  once("./typecheck-once.mjs", { entry: join(work, "consumer", `${name}.ts`), base, compilerOptions }),
);
console.log(
  `  type-check, three calls (${TYPECHECK_ROUNDS} rounds): signhub client / openapi-fetch ${show(ratio(times, typecheckContenders), TYPECHECK_TARGET)}`,
);
