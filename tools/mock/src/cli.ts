import { runMockCli } from "./run-mock-cli.js";

process.exitCode = await runMockCli(process.argv.slice(2));
