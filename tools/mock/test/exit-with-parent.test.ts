import { spawn } from "node:child_process";
import { once } from "node:events";
import { expect, test } from "vitest";
import { EXIT_WITH_PARENT } from "../src/exit-with-parent.js";
import { isGoneWithin, isRunning } from "./helpers.js";

test("a detached child started with it exits when its parent is killed", async () => {
  const parentScript = `
    const { spawn } = require("node:child_process");
    const child = spawn(process.execPath, ["--import", ${JSON.stringify(EXIT_WITH_PARENT)}, "-e", "setInterval(() => {}, 1000)"], { detached: true, stdio: "pipe" });
    console.log(child.pid);
    setInterval(() => {}, 1000);
  `;
  const parent = spawn(process.execPath, ["-e", parentScript], { stdio: ["ignore", "pipe", "inherit"] });
  const [chunk] = (await once(parent.stdout, "data")) as [Buffer];
  const childPid = Number(chunk.toString().trim());
  expect(isRunning(childPid)).toBe(true);

  parent.kill("SIGKILL");

  expect(await isGoneWithin(childPid, 5000)).toBe(true);
});
