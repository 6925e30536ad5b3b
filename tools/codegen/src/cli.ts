import { basename } from "node:path";
import { findRoot } from "./config.js";
import { generate } from "./generate.js";
import { lint } from "./lint.js";

const usage = `usage: signhub-codegen <generate|lint> [provider]

  generate   write src/generated/ (types and operation table) from the provider's spec
  lint       lint the provider's spec with Redocly (strict)

The provider defaults to the name of the current package folder (packages/<provider>).`;

const [command, name = basename(process.cwd())] = process.argv.slice(2);
const root = findRoot();
try {
  if (command === "generate") {
    const { files } = await generate(root, name);
    console.log(`generated ${files.length} files for ${name}`);
  } else if (command === "lint") {
    process.exitCode = lint(root, [name]).status;
  } else {
    console.error(usage);
    process.exitCode = 2;
  }
} catch (error) {
  console.error(`signhub-codegen ${command} ${name}: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
}
