// CPU time per call of the full signhub client (Ignisign updateSigner: auth, request id, timeout, retry
// policy, typed errors) against raw fetch, on the same loopback server in another process. The sides are
// called alternately, call by call, so that drift and GC fall on all alike. Two references are measured in
// the same run: plain openapi-fetch (none of that behaviour), and raw fetch with the least a careful
// hand-written call adds (an X-Request-ID and an abortable timeout). Prints median ratios, with the
// interquartile range of the per-round ratios; 1.00 = no overhead.
import { fork } from "node:child_process";
import { randomUUID } from "node:crypto";
import createClient from "openapi-fetch";
import { createIgnisignClient } from "../dist/index.js";

const CALLS = Number(process.env.BENCH_CALLS ?? 200);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 41);

const server = fork(new URL("./server.mjs", import.meta.url), { stdio: "inherit" });
const port = await new Promise((resolve) => server.once("message", resolve));
const baseUrl = `http://127.0.0.1:${port}`;

const apiKey = "skv2_bench_0000000000000000";
const template = "/v4/applications/{appId}/envs/{appEnv}/signers/{signerId}";
const path = { appId: "app_bench", appEnv: "DEVELOPMENT", signerId: "66a7b5c4e1f2a3b4c5d6e7f8" };
const body = { firstName: "Camille", lastName: "Martin", email: "camille.martin@mail.test" };
const url = `${baseUrl}/v4/applications/${path.appId}/envs/${path.appEnv}/signers/${path.signerId}`;

const signhubClient = createIgnisignClient({ apiKey, baseUrl });
const plainClient = createClient({ baseUrl, headers: { authorization: `Bearer ${apiKey}` } });

const sides = {
  "raw fetch": async () => {
    const response = await fetch(url, {
      method: "PUT",
      headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`status ${response.status}`);
    return response.json();
  },
  "fetch + id, timeout": async () => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 60_000);
    try {
      const response = await fetch(url, {
        method: "PUT",
        headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json", "x-request-id": randomUUID() },
        body: JSON.stringify(body),
        signal: controller.signal,
      });
      if (!response.ok) throw new Error(`status ${response.status}`);
      return await response.json();
    } finally {
      clearTimeout(timer);
    }
  },
  "openapi-fetch": async () => {
    const { data, error } = await plainClient.PUT(template, { params: { path }, body });
    if (error) throw new Error("error");
    return data;
  },
  "signhub client": () => signhubClient.updateSigner({ params: { path }, body }),
};
const names = Object.keys(sides);

/** CPU time of one awaited call, in microseconds. */
async function cpuOf(call) {
  const start = process.cpuUsage();
  await call();
  const used = process.cpuUsage(start);
  return used.user + used.system;
}

/** One round: every side called in turn, call by call; returns the mean CPU µs per call of each. */
async function round(order) {
  const totals = Object.fromEntries(order.map((name) => [name, 0]));
  for (let i = 0; i < CALLS; i++) for (const name of order) totals[name] += await cpuOf(sides[name]);
  return Object.fromEntries(order.map((name) => [name, totals[name] / CALLS]));
}

// Warm every path (JIT, connection pool) before measuring.
await round(names);
await round(names);

const samples = Object.fromEntries(names.map((name) => [name, []]));
for (let r = 0; r < ROUNDS; r++) {
  const order = names.map((_, i) => names[(i + r) % names.length]);
  const result = await round(order);
  for (const name of names) samples[name].push(result[name]);
}
server.disconnect();
server.kill();

const quantile = (values, q) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) * q)];
const ratios = (name) => samples[name].map((value, r) => value / samples["raw fetch"][r]);
const ratio = (name) => quantile(ratios(name), 0.5);
const spread = (name) => `${quantile(ratios(name), 0.25).toFixed(3)}–${quantile(ratios(name), 0.75).toFixed(3)}`;
console.log(`client overhead: ${ROUNDS} rounds x ${CALLS} calls each, CPU µs per call (median; ratio IQR)`);
for (const name of names) {
  console.log(`  ${name.padEnd(20)} ${quantile(samples[name], 0.5).toFixed(1).padStart(7)} µs  ratio ${ratio(name).toFixed(3)}x  (${spread(name)})`);
}
console.log(`  signhub client / raw fetch: ${ratio("signhub client").toFixed(3)}x (target ≤ 1.05x)`);
