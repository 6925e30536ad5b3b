// CPU time per call of the full signhub client (Ignisign updateSigner) against raw fetch, same loopback
// server in another process, in interleaved rounds. Prints the median ratio; lower is better, 1.00 = no overhead.
import { fork } from "node:child_process";
import { createIgnisignClient } from "../dist/index.js";

const CALLS = Number(process.env.BENCH_CALLS ?? 300);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);

const server = fork(new URL("./server.mjs", import.meta.url), { stdio: "inherit" });
const port = await new Promise((resolve) => server.once("message", resolve));
const baseUrl = `http://127.0.0.1:${port}`;

const apiKey = "skv2_bench_0000000000000000";
const path = { appId: "app_bench", appEnv: "DEVELOPMENT", signerId: "66a7b5c4e1f2a3b4c5d6e7f8" };
const body = { firstName: "Camille", lastName: "Martin", email: "camille.martin@mail.test" };
const url = `${baseUrl}/v4/applications/${path.appId}/envs/${path.appEnv}/signers/${path.signerId}`;

const client = createIgnisignClient({ apiKey, baseUrl });

const rawFetch = async () => {
  const response = await fetch(url, {
    method: "PUT",
    headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`status ${response.status}`);
  return response.json();
};
const signhub = () => client.updateSigner({ params: { path }, body });

async function cpuPerCall(call) {
  const start = process.cpuUsage();
  for (let i = 0; i < CALLS; i++) await call();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / CALLS;
}

// Warm both paths (JIT, connection pool) before measuring.
await cpuPerCall(rawFetch);
await cpuPerCall(signhub);

const ratios = [];
const samples = { fetch: [], signhub: [] };
for (let round = 0; round < ROUNDS; round++) {
  const order = round % 2 === 0 ? ["fetch", "signhub"] : ["signhub", "fetch"];
  const result = {};
  for (const name of order) result[name] = await cpuPerCall(name === "fetch" ? rawFetch : signhub);
  samples.fetch.push(result.fetch);
  samples.signhub.push(result.signhub);
  ratios.push(result.signhub / result.fetch);
}
server.disconnect();
server.kill();

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(`client overhead: ${ROUNDS} rounds x ${CALLS} calls, CPU µs per call (median)`);
console.log(`  raw fetch        ${median(samples.fetch).toFixed(1)} µs`);
console.log(`  signhub client   ${median(samples.signhub).toFixed(1)} µs`);
console.log(`  ratio            ${median(ratios).toFixed(3)}x (target ≤ 1.05x)`);
