// One generation in a process of its own, for codegen-scale.mjs: signhub's (`generateFromSpec`: the operation
// table and the types, one parse) or bare openapi-typescript pointed at the same file (the types alone, with
// its default options, as its CLI would run). Sends the CPU time of the work, module loading left out.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { pathToFileURL } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import { generateFromSpec } from "../dist/index.js";

const { contender, spec, output } = JSON.parse(process.argv[2]);
const start = process.cpuUsage();
if (contender === "signhub") {
  await generateFromSpec(spec, output);
} else {
  const types = astToString(await openapiTS(pathToFileURL(spec), { silent: true }));
  mkdirSync(dirname(output), { recursive: true });
  writeFileSync(output, types);
}
const { user, system } = process.cpuUsage(start);
process.send({ cpuMs: (user + system) / 1000 });
