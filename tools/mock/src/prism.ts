import { existsSync } from "node:fs";
import { createInterface } from "node:readline";
import { setTimeout as delay } from "node:timers/promises";
import { stripVTControlCharacters } from "node:util";
import { MockStartError } from "./errors.js";
import { EXIT_WITH_PARENT } from "./exit-with-parent.js";
import { isPortFree } from "./free-port.js";
import { createLineBuffer } from "./line-buffer.js";
import { choosePrismNode } from "./prism-node.js";
import { readPrismPackage } from "./prism-package.js";
import { type ExitStatus, spawnProcessGroup } from "./process-group.js";
import { waitUntilAnswers } from "./wait-until-answers.js";

/** Options for {@link startPrism}. */
export interface PrismOptions {
  /** Absolute path of the OpenAPI document to mock. */
  specPath: string;
  port: number;
  /** @default "127.0.0.1" */
  host?: string;
  /**
   * Answer requests that violate the spec with a 4xx problem response (Prism's `--errors`).
   * @default true
   */
  errors?: boolean;
  /**
   * How long to wait for the mock to answer.
   * @default 30000
   */
  timeoutMs?: number;
  /** Provider name, for error messages. */
  provider?: string;
  /** Aborts the start; the mock is stopped and the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Receives each line Prism prints; by default its output is only kept for error messages. */
  onLog?: (line: string) => void;
  /**
   * The Node binary that runs Prism, which may be newer than the one running this code.
   * @default $SIGNHUB_PRISM_NODE, else this process's Node (refused if older than Prism's `engines.node`)
   */
  node?: string;
}

/** A running Prism mock. */
export interface PrismMock {
  url: string;
  port: number;
  pid: number;
  specPath: string;
  /** Settles when Prism exits, whether stopped or not. */
  exited: Promise<ExitStatus>;
  /** Prism's last output lines, oldest first. */
  log(): string[];
  /** Stops Prism and anything it started; resolves once it has exited. Idempotent. */
  stop(): Promise<void>;
}

const LOG_LINES = 200;

/** Starts a Prism mock of one spec and resolves once it answers HTTP requests. */
export async function startPrism(options: PrismOptions): Promise<PrismMock> {
  const { specPath, port, host = "127.0.0.1", errors = true, timeoutMs = 30_000, provider, signal, onLog, node } = options;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  const failure = (reason: string, output?: string[]) => new MockStartError(reason, { specPath, provider, output });

  if (!existsSync(specPath)) throw failure("the spec file does not exist");
  const prism = readPrismPackage();
  const prismNode = choosePrismNode({ node, minimum: prism.minimumNode });
  if ("problem" in prismNode) throw failure(prismNode.problem);
  // Otherwise whatever holds the port would answer the readiness check in Prism's place.
  if (!(await isPortFree(port, host))) throw failure(`port ${port} on ${host} is already in use`);
  signal?.throwIfAborted();

  const group = spawnProcessGroup(prismNode.path, prismArgs(prism.bin, specPath, host, port, errors), {
    env: { ...process.env, FORCE_COLOR: "0" },
  });
  const log = createLineBuffer(LOG_LINES);
  // `exit` can arrive before the last lines are read; `close` comes after the pipes are drained.
  const drained = new Promise((resolve) => group.child.once("close", resolve));
  for (const stream of [group.child.stdout, group.child.stderr]) {
    createInterface({ input: stream, crlfDelay: Infinity }).on("line", (raw) => {
      const line = stripVTControlCharacters(raw);
      log.push(line);
      onLog?.(line);
    });
  }

  const settled = new AbortController();
  const waiting = signal ? AbortSignal.any([settled.signal, signal]) : settled.signal;
  try {
    await Promise.race([
      waitUntilAnswers(url, { signal: waiting }),
      group.exited.then(async (status) => {
        await Promise.race([drained, delay(1000, undefined, { ref: false })]);
        throw failure(`Prism exited (${describeExit(status)}) before answering on ${url}`, log.lines());
      }),
      delay(timeoutMs, undefined, { signal: waiting }).then(() => {
        throw failure(`Prism did not answer on ${url} within ${timeoutMs} ms`, log.lines());
      }),
    ]);
  } catch (error) {
    await group.stop();
    throw signal?.aborted ? signal.reason : error;
  } finally {
    settled.abort();
  }

  return {
    url,
    port,
    pid: group.pid,
    specPath,
    exited: group.exited,
    log: () => log.lines(),
    stop: () => group.stop(),
  };
}

function prismArgs(bin: string, specPath: string, host: string, port: number, errors: boolean): string[] {
  return [
    "--import",
    EXIT_WITH_PARENT,
    bin,
    "mock",
    ...(errors ? ["--errors"] : []),
    // Prism forks a worker when NODE_ENV=production; a crashed worker would leave its parent waiting.
    "--no-multiprocess",
    "-h",
    host,
    "-p",
    String(port),
    specPath,
  ];
}

function describeExit({ code, signal }: ExitStatus): string {
  return signal === null ? `code ${code}` : `signal ${signal}`;
}
