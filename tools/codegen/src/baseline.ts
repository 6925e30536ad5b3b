import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { parse, stringify } from "yaml";
import type { ApiEntry } from "./config.js";
import { redocly } from "./lint.js";
import { SpecError } from "./spec-error.js";

/** Redocly's ignore file, beside redocly.yaml: `<spec file>: { <rule>: [<JSON pointer>…] }`. */
export const IGNORE_FILE = ".redocly.lint-ignore.yaml";

/**
 * Rules a baseline never silences: a document that breaks them is not OpenAPI (or has no retry decision,
 * which codegen needs), whoever wrote it. Everything else Redocly's strict profile reports about a
 * published spec is a style the vendor chose.
 */
export const STRUCTURAL_RULES: ReadonlySet<string> = new Set(["struct", "no-unresolved-refs", "signhub/operation-retry-decision"]);

/** One problem of a Redocly `--format json` report. */
interface Problem {
  ruleId: string;
  message: string;
  location: { source: { ref: string }; pointer: string }[];
}

/**
 * Lints a published spec's effective document and records what it breaks, beyond the structural rules,
 * in the ignore file (the vendor lint profile's baseline), so that only new problems fail a later lint.
 * A structural problem is not recorded: it is a `SpecError`, every one of them at once.
 * Returns how many problems were recorded.
 */
export function writeBaseline(root: string, api: ApiEntry): number {
  if (!api.vendor) throw new Error(`${api.name} is a hand-written spec: its lint has no baseline`);
  // Every problem: Redocly reports the first 100 unless told otherwise, and a baseline of those fails the next lint.
  const { stdout } = redocly(root, ["lint", api.name, "--format", "json", "--max-problems", String(Number.MAX_SAFE_INTEGER)], { capture: true });
  let problems: Problem[];
  try {
    problems = (JSON.parse(stdout) as { problems: Problem[] }).problems;
  } catch {
    throw new SpecError(api.name, `Redocly printed no lint report:\n${stdout.slice(0, 2000)}`);
  }
  const structural = problems.filter((problem) => STRUCTURAL_RULES.has(problem.ruleId));
  if (structural.length) {
    throw new SpecError(
      problems[0]!.location[0]?.source.ref ?? api.name,
      structural.map((problem) => `${problem.location[0]?.pointer ?? ""} ${problem.ruleId}: ${problem.message}`),
    );
  }
  const file = join(root, IGNORE_FILE);
  const ignore: Record<string, Record<string, string[]>> = (existsSync(file) ? parse(readFileSync(file, "utf8")) : null) ?? {};
  for (const problem of problems) {
    const { source, pointer } = problem.location[0] ?? { source: { ref: api.name }, pointer: "#/" };
    const rules = ignore[source.ref] ?? {};
    const pointers = rules[problem.ruleId] ?? [];
    if (!pointers.includes(pointer)) pointers.push(pointer);
    rules[problem.ruleId] = pointers;
    ignore[source.ref] = rules;
  }
  writeFileSync(file, `${header}${stringify(ignore, { lineWidth: 0 })}`);
  return problems.length;
}

const header = [
  '# Redocly\'s ignore file: the lint baseline of published specs (README, "Bringing a published spec").',
  "# Hand-written specs never appear here; `signhub-codegen lint` fails if one does.",
  "",
].join("\n");

/** Whether the ignore file has entries for this API's effective document. */
export function hasBaseline(root: string, api: ApiEntry): boolean {
  const file = join(root, IGNORE_FILE);
  if (!existsSync(file)) return false;
  return Object.hasOwn((parse(readFileSync(file, "utf8")) ?? {}) as object, relative(root, api.spec));
}

/** Hand-written specs listed in the ignore file: their lint allows no exception. */
export function handWrittenInBaseline(root: string, apis: readonly ApiEntry[]): string[] {
  const file = join(root, IGNORE_FILE);
  if (!existsSync(file)) return [];
  const ignored = Object.keys((parse(readFileSync(file, "utf8")) ?? {}) as object);
  const under = (api: ApiEntry, path: string) => join(root, path) === api.spec || join(root, path).startsWith(dirname(api.spec) + sep);
  return apis.filter((api) => !api.vendor && ignored.some((path) => under(api, path))).map((api) => api.name);
}
