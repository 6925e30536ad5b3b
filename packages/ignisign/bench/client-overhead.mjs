// CPU time per call of the full signhub client (Ignisign updateSigner) against raw fetch, same loopback
// server in another process, the two called alternately. Prints the median ratio; lower is better, 1.00 = no overhead.
import { fork } from "node:child_process";
import { createIgnisignClient } from "../dist/index.js";

const CALLS = Number(process.env.BENCH_CALLS ?? 300);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 21);

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

/** CPU time of one awaited call, in microseconds. */
async function cpuOf(call) {
  const start = process.cpuUsage();
  await call();
  const used = process.cpuUsage(start);
  return used.user + used.system;
}

/** One round: the two sides called alternately, call by call, so that drift and GC fall on both alike. */
async function round(first, second) {
  const total = [0, 0];
  for (let i = 0; i < CALLS; i++) {
    total[0] += await cpuOf(first);
    total[1] += await cpuOf(second);
  }
  return total.map((micros) => micros / CALLS);
}

// Warm both paths (JIT, connection pool) before measuring.
await round(rawFetch, signhub);
await round(rawFetch, signhub);

const ratios = [];
const samples = { fetch: [], signhub: [] };
for (let r = 0; r < ROUNDS; r++) {
  const [fetchCpu, signhubCpu] = r % 2 === 0 ? await round(rawFetch, signhub) : (await round(signhub, rawFetch)).reverse();
  samples.fetch.push(fetchCpu);
  samples.signhub.push(signhubCpu);
  ratios.push(signhubCpu / fetchCpu);
}
server.disconnect();
server.kill();

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(`client overhead: ${ROUNDS} rounds x ${CALLS} calls, CPU µs per call (median)`);
console.log(`  raw fetch        ${median(samples.fetch).toFixed(1)} µs`);
console.log(`  signhub client   ${median(samples.signhub).toFixed(1)} µs`);
console.log(`  ratio            ${median(ratios).toFixed(3)}x (target ≤ 1.05x)`);
