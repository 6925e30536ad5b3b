import { basename, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { handWrittenInBaseline, ignoreFile, writeBaseline } from "./baseline.js";
import { findApi, findRoot } from "./config.js";
import { writeEffectiveSpec } from "./effective-spec.js";
import { generate, generateFromSpec } from "./generate.js";
import { lint } from "./lint.js";
import { repairStructure } from "./repairs.js";

const usage = `usage: signhub-codegen generate [provider]
       signhub-codegen generate --spec <file> --out <schema.ts>
       signhub-codegen lint [provider]
       signhub-codegen lint --spec <file>
       signhub-codegen baseline [provider]

  generate   write src/generated/ (types and operation table) from the provider's spec
  lint       lint the provider's spec with Redocly (strict; a published spec: its overlay applied first,
             then checked against its baseline, specs/<provider>/.redocly.lint-ignore.yaml)
  baseline   record a published spec's current non-structural lint problems in its ignore file

The provider defaults to the name of the current package folder (packages/<provider>).
--spec names a spec redocly.yaml does not list (a test's); generate writes operations.ts beside --out.
Relative paths are relative to the current folder.`;

/** signhub-codegen's command line: prints as it goes and returns the exit code. */
export async function runCli(args: string[], cwd: string): Promise<number> {
  const options = { spec: { type: "string" }, out: { type: "string" } } as const;
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; options: typeof options; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true });
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error));
  }
  const [command, provider, ...extra] = parsed.positionals;
  const { spec, out } = parsed.values;
  if (extra.length) return usageError(`unexpected ${extra.join(" ")}`);
  if (spec !== undefined && provider !== undefined) return usageError("give a provider or --spec, not both");
  const name = provider ?? spec ?? basename(cwd);
  try {
    if (command === "generate") {
      if (spec === undefined && out === undefined) {
        const { files } = await generate(findRoot(cwd), name);
        console.log(`generated ${files.length} files for ${name}`);
        return 0;
      }
      if (spec === undefined || out === undefined) return usageError("--spec and --out go together");
      const { files } = await generateFromSpec(resolve(cwd, spec), resolve(cwd, out), spec);
      console.log(`generated ${files.length} files for ${spec}`);
      return 0;
    }
    if (command === "lint") {
      if (out !== undefined) return usageError("lint takes no --out");
      if (spec !== undefined) return lint(findRoot(cwd), [resolve(cwd, spec)]).status;
      const root = findRoot(cwd);
      const api = findApi(root, name);
      // Only this API's own files: its lint task hashes no other provider's.
      if (handWrittenInBaseline([api]).length) {
        console.error(
          `signhub-codegen lint: ${relative(root, ignoreFile(api))} lists problems of ${name}, a hand-written spec; it is linted with no exception: fix the spec instead`,
        );
        return 1;
      }
      await writeEffectiveSpec(root, api);
      return lint(root, [name]).status;
    }
    if (command === "baseline") {
      if (spec !== undefined || out !== undefined) return usageError("baseline takes a provider only");
      const root = findRoot(cwd);
      const api = findApi(root, name);
      await writeEffectiveSpec(root, api);
      // A vendor update may bring new keywords of the other OpenAPI version, or new dangling schemas.
      const { repaired, problems } = await repairStructure(root, api);
      if (repaired) console.log(`${relative(root, api.vendor?.overlay ?? api.spec)}: ${repaired} actions repairing its structure appended`);
      console.log(`${relative(root, ignoreFile(api))}: ${writeBaseline(root, api, problems)} problems of ${name}'s published spec recorded`);
      return 0;
    }
    return usageError(command === undefined ? "no command" : `unknown command "${command}"`);
  } catch (error) {
    console.error(`signhub-codegen ${command} ${name}: ${error instanceof Error ? error.message : error}`);
    return 1;
  }
}

function usageError(problem: string): number {
  console.error(`signhub-codegen: ${problem}\n\n${usage}`);
  return 2;
}
