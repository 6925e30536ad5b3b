// CPU time per call of a full signhub client (an operation shaped like Ignisign's updateSigner: path
// parameters, a JSON body, bearer auth, request id, timeout, retry policy, typed errors) against raw fetch,
// on the same loopback server in another process.
//
// Each contender is measured against raw fetch in processes of its own (overhead-rounds.mjs), the two called
// alternately, call by call, so that drift and GC fall on both alike; sharing a process with another
// contender would let that one's code shape the JIT's view of code both use. A process's JIT and heap
// layout shift its ratios by a few percent for its whole life, so each contender runs in FORKS processes,
// the contenders taking turns. signhub is measured twice: as it sends by default (undici's dispatcher) and
// with a `fetch` given to it (the path for test doubles and other runtimes). References measured in the same
// run: plain openapi-fetch (none of signhub's behaviour), raw fetch with the least a careful hand-written call
// adds (an X-Request-ID and an abortable timeout), and undici's own request() (the floor under signhub).
//
// Printed for each contender, as ratios to raw fetch over all its calls (1.000 = no overhead): the median
// call's CPU time, and the mean, which also carries the GC pauses that land on a few calls; beside each,
// the lowest and highest of its processes.
import { fork } from "node:child_process";

const CALLS = Number(process.env.BENCH_CALLS ?? 200);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const FORKS = Number(process.env.BENCH_FORKS ?? 6);
const TARGET = 0.75;
const CONTENDERS = process.env.BENCH_CONTENDERS?.split(",") ?? [
  "signhub client",
  "signhub, given fetch",
  "undici request()",
  "fetch + id, timeout",
  "openapi-fetch",
];

const server = fork(new URL("./server.mjs", import.meta.url), { stdio: "inherit" });
const port = await new Promise((resolve) => server.once("message", resolve));
const baseUrl = `http://127.0.0.1:${port}`;

/** Runs one process's rounds of raw fetch against `contender`; resolves to every call's CPU µs, by side. */
function runFork(contender) {
  return new Promise((resolve, reject) => {
    const child = fork(new URL("./overhead-rounds.mjs", import.meta.url), [JSON.stringify({ baseUrl, calls: CALLS, rounds: ROUNDS, contender })], {
      stdio: "inherit",
    });
    let result;
    child.once("message", (message) => (result = message));
    child.once("error", reject);
    child.once("exit", (code) => (result ? resolve(result) : reject(new Error(`benchmark process exited with ${code}`))));
  });
}

// The contenders' processes take turns, so that the machine's drift falls on all alike.
const runs = Object.fromEntries(CONTENDERS.map((name) => [name, []]));
for (let f = 0; f < FORKS; f++) for (const name of CONTENDERS) runs[name].push(await runFork(name));
server.disconnect();
server.kill();

const baseline = "raw fetch";
const quantile = (values, q) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) * q)];
const sum = (values) => values.reduce((a, b) => a + b, 0);
const range = (values) => `${Math.min(...values).toFixed(3)}–${Math.max(...values).toFixed(3)}`;

console.log(`client overhead: CPU time per call against raw fetch; each side in ${FORKS} processes of ${ROUNDS} rounds x ${CALLS} calls`);
console.log(`  ${"".padEnd(20)}  median call (processes)   mean, GC pauses included (processes)`);
const results = {};
for (const name of CONTENDERS) {
  const pooled = (side) => runs[name].flatMap((run) => run.samples[side]);
  const median = quantile(pooled(name), 0.5) / quantile(pooled(baseline), 0.5);
  const mean = sum(pooled(name)) / sum(pooled(baseline));
  const medians = runs[name].map((run) => quantile(run.samples[name], 0.5) / quantile(run.samples[baseline], 0.5));
  const means = runs[name].map((run) => sum(run.samples[name]) / sum(run.samples[baseline]));
  results[name] = { median, mean };
  console.log(`  ${name.padEnd(20)}  ${median.toFixed(3)}x (${range(medians)})     ${mean.toFixed(3)}x (${range(means)})`);
}
const signhub = results["signhub client"];
if (signhub)
  console.log(
    `  signhub client / raw fetch on Node ${process.versions.node}: median call ${signhub.median.toFixed(3)}x, mean ${signhub.mean.toFixed(3)}x (target ≤ ${TARGET}x)`,
  );
