// One type-check of a consumer file in a process of its own, for codegen-scale.mjs: the program TypeScript
// builds from `entry` with the workspace's compiler options, checked in full. Any diagnostic fails the run
// (each consumer holds a `@ts-expect-error` line, so its calls are typed for real). Sends the CPU time of the
// check, module loading left out.
import { dirname } from "node:path";
import ts from "typescript";

const { entry, base, compilerOptions } = JSON.parse(process.argv[2]);
const { options } = ts.parseJsonConfigFileContent(ts.readConfigFile(base, ts.sys.readFile).config, ts.sys, dirname(entry));
const start = process.cpuUsage();
const program = ts.createProgram([entry], { ...options, ...compilerOptions, noEmit: true });
const problems = ts.getPreEmitDiagnostics(program);
const { user, system } = process.cpuUsage(start);
if (problems.length) {
  const text = problems.map((d) => `${d.file?.fileName ?? ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
  console.error(text.slice(0, 5).join("\n"));
  process.exit(1);
}
process.send({ cpuMs: (user + system) / 1000 });
