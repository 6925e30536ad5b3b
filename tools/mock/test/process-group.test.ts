import { once } from "node:events";
import { expect, test } from "vitest";
import { spawnProcessGroup } from "../src/process-group.js";
import { isGoneWithin, isRunning } from "./helpers.js";

test("stop() ends the leader and the children it started", async () => {
  const group = spawnProcessGroup(process.execPath, [
    "-e",
    `const child = require("node:child_process").spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"]);
     console.log(child.pid);
     setInterval(() => {}, 1000);`,
  ]);
  const [chunk] = (await once(group.child.stdout, "data")) as [Buffer];
  const grandchild = Number(chunk.toString().trim());
  expect(isRunning(grandchild)).toBe(true);

  await group.stop();

  expect(await group.exited).toEqual({ code: null, signal: "SIGTERM" });
  expect(await isGoneWithin(grandchild, 2000)).toBe(true);
});

test("stop() sends SIGKILL once the grace period passes without the process exiting", async () => {
  const group = spawnProcessGroup(process.execPath, ["-e", `process.on("SIGTERM", () => {}); console.log("ready"); setInterval(() => {}, 1000);`], {
    graceMs: 200,
  });
  await once(group.child.stdout, "data");

  await group.stop();

  expect(await group.exited).toEqual({ code: null, signal: "SIGKILL" });
  expect(isRunning(group.pid)).toBe(false);
});

test("stop() is idempotent and resolves for a process that already exited", async () => {
  const group = spawnProcessGroup(process.execPath, ["-e", "process.exit(3)"]);
  expect(await group.exited).toEqual({ code: 3, signal: null });
  await Promise.all([group.stop(), group.stop()]);
});
