import { EventEmitter } from "node:events";
import { expect, test } from "vitest";
import { runMockCli } from "../src/run-mock-cli.js";
import type { RunningMocks } from "../src/start-mocks.js";
import { answers } from "../src/wait-until-answers.js";
import { fixture, isRunning } from "./helpers.js";

function output() {
  let text = "";
  return { write: (chunk: string) => (text += chunk), text: () => text };
}

test.each(["SIGINT", "SIGTERM"])("prints a table once the mocks answer and stops them all on %s", async (signal) => {
  const signals = new EventEmitter();
  const stdout = output();
  let ready: RunningMocks | undefined;

  const exitCode = await runMockCli(["beta"], {
    root: fixture("workspace"),
    ports: "free",
    stdout,
    signals,
    onReady: (mocks) => {
      ready = mocks;
      signals.emit(signal);
    },
  });

  expect(exitCode).toBe(0);
  const url = ready!.urls.beta!;
  expect(stdout.text()).toMatch(new RegExp(`^provider +URL +spec\\nbeta +${url} +specs/beta/openapi\\.yaml\\n\\nCtrl-C stops them\\.\\n$`));
  expect(isRunning(ready!.mocks.beta!.pid)).toBe(false);
  expect(await answers(url)).toBe(false);
  expect(signals.listenerCount(signal)).toBe(0);
});

test("exits with 2 and lists the known providers for an unknown name", async () => {
  const stderr = output();
  const exitCode = await runMockCli(["gamma"], { root: fixture("workspace"), stderr, signals: new EventEmitter() });
  expect(exitCode).toBe(2);
  expect(stderr.text()).toBe('Unknown provider "gamma". Known providers: alpha, beta\n');
});

test("exits with 2 on an unknown option", async () => {
  const stderr = output();
  expect(await runMockCli(["--port=1"], { stderr })).toBe(2);
  expect(stderr.text()).toMatch(/^Unknown option '--port'/);
});

test("exits with 1, naming the spec, when a mock cannot start", async () => {
  const stderr = output();
  const exitCode = await runMockCli(["broken"], {
    root: fixture("broken-workspace"),
    ports: "free",
    stderr,
    signals: new EventEmitter(),
  });
  expect(exitCode).toBe(1);
  expect(stderr.text()).toContain("Mock of broken (");
});

test("prints usage and the known providers for --help", async () => {
  const stdout = output();
  expect(await runMockCli(["--help"], { root: fixture("workspace"), stdout })).toBe(0);
  expect(stdout.text()).toMatch(/^Usage: pnpm mock \[provider\.\.\.\]/);
  expect(stdout.text()).toMatch(/\nProviders: alpha, beta\n$/);
});

test("exits with 1, naming the provider, when a mock dies while serving", async () => {
  const stderr = output();
  const exitCode = await runMockCli(["alpha"], {
    root: fixture("workspace"),
    ports: "free",
    stdout: output(),
    stderr,
    signals: new EventEmitter(),
    onReady: (mocks) => process.kill(mocks.mocks.alpha!.pid, "SIGKILL"),
  });
  expect(exitCode).toBe(1);
  expect(stderr.text()).toMatch(/^The alpha mock exited \(code null, signal SIGKILL\); stopping the others\./);
});
