import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { parse, stringify } from "yaml";
import type { ApiEntry } from "./config.js";
import { redocly } from "./lint.js";
import { SpecError } from "./spec-error.js";

/**
 * Redocly's ignore file, beside the config it lints with (a provider's: `specs/<name>/.redocly.lint-ignore.yaml`):
 * `<spec file, relative to it>: { <rule>: [<JSON pointer>…] }`.
 */
export const IGNORE_FILE = ".redocly.lint-ignore.yaml";

/**
 * Rules a baseline never silences: a document that breaks them is not OpenAPI (or has no retry decision,
 * which codegen needs), whoever wrote it. Everything else Redocly's strict profile reports about a
 * published spec is a style the vendor chose.
 */
export const STRUCTURAL_RULES: ReadonlySet<string> = new Set(["struct", "no-unresolved-refs", "signhub/operation-retry-decision"]);

/** One problem of a Redocly `--format json` report. */
export interface Problem {
  ruleId: string;
  message: string;
  location: { source: { ref: string }; pointer: string }[];
}

/**
 * Lints a published spec's effective document (or takes `problems`, a lint report of it as it is now) and
 * records what it breaks, beyond the structural rules,
 * in the ignore file (the vendor lint profile's baseline), so that only new problems fail a later lint.
 * A structural problem is not recorded: it is a `SpecError`, every one of them at once.
 * Returns how many problems were recorded.
 */
export function writeBaseline(root: string, api: ApiEntry, problems: readonly Problem[] = lintProblems(root, api)): number {
  if (!api.vendor) throw new Error(`${api.name} is a hand-written spec: its lint has no baseline`);
  const structural = problems.filter((problem) => STRUCTURAL_RULES.has(problem.ruleId));
  if (structural.length) {
    throw new SpecError(
      problems[0]!.location[0]?.source.ref ?? api.name,
      structural.map((problem) => `${problem.location[0]?.pointer ?? ""} ${problem.ruleId}: ${problem.message}`),
    );
  }
  const file = ignoreFile(api);
  const ignore = readIgnore(file);
  for (const problem of problems) {
    const { source, pointer } = problem.location[0] ?? { source: { ref: relative(root, api.spec) }, pointer: "#/" };
    // Redocly reports paths from the folder it ran in (the root), and reads the ignore file's from its own.
    const key = relative(dirname(file), resolve(root, source.ref));
    const rules = ignore[key] ?? {};
    const pointers = rules[problem.ruleId] ?? [];
    if (!pointers.includes(pointer)) pointers.push(pointer);
    rules[problem.ruleId] = pointers;
    ignore[key] = rules;
  }
  writeFileSync(file, `${header}${stringify(ignore, { lineWidth: 0 })}`);
  return problems.length;
}

/** Every problem Redocly finds in an API's spec, as its `--format json` report gives them. */
export function lintProblems(root: string, api: ApiEntry): Problem[] {
  // Every problem: Redocly reports the first 100 unless told otherwise, and a baseline of those fails the next lint.
  const { stdout } = redocly(root, ["lint", api.name, "--format", "json", "--max-problems", String(Number.MAX_SAFE_INTEGER)], { capture: true });
  try {
    return (JSON.parse(stdout) as { problems: Problem[] }).problems;
  } catch {
    throw new SpecError(api.name, `Redocly printed no lint report:\n${stdout.slice(0, 2000)}`);
  }
}

const header = [
  '# Redocly\'s ignore file: the lint baseline of this published spec (README, "Bringing a published spec").',
  "# A hand-written spec has none; `signhub-codegen lint` fails if it does.",
  "",
].join("\n");

/** The API's ignore file: beside its own config. */
export function ignoreFile(api: ApiEntry): string {
  return join(dirname(api.config), IGNORE_FILE);
}

function readIgnore(file: string): Record<string, Record<string, string[]>> {
  return (existsSync(file) ? parse(readFileSync(file, "utf8")) : null) ?? {};
}

/** Whether the API's ignore file has entries for its effective document. */
export function hasBaseline(api: ApiEntry): boolean {
  const file = ignoreFile(api);
  return Object.hasOwn(readIgnore(file), relative(dirname(file), api.spec));
}

/** Hand-written specs whose ignore file has entries: their lint allows no exception. */
export function handWrittenInBaseline(apis: readonly ApiEntry[]): string[] {
  return apis.filter((api) => !api.vendor && Object.keys(readIgnore(ignoreFile(api))).length > 0).map((api) => api.name);
}
