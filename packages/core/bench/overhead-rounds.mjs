// One process's share of the client overhead benchmark (see client-overhead.mjs): every side called in
// turn, call by call, for ROUNDS rounds after a warm-up; the CPU time per call of each side in each round
// goes back to the parent.
import { randomUUID } from "node:crypto";
import createClient from "openapi-fetch";
import { request } from "undici";
import { bearerAuth, createOperations } from "../dist/index.js";

const { baseUrl, calls, rounds, contender } = JSON.parse(process.argv[2]);

const apiKey = "skv2_bench_0000000000000000";
const template = "/v4/applications/{appId}/envs/{appEnv}/signers/{signerId}";
const path = { appId: "app_bench", appEnv: "DEVELOPMENT", signerId: "66a7b5c4e1f2a3b4c5d6e7f8" };
const body = { firstName: "Camille", lastName: "Martin", email: "camille.martin@mail.test" };
const url = `${baseUrl}/v4/applications/${path.appId}/envs/${path.appEnv}/signers/${path.signerId}`;

// The table codegen writes for Ignisign's updateSigner, and a client as a provider package makes one.
const operations = {
  updateSigner: {
    method: "put",
    path: template,
    retrySafe: true,
    parameters: ["appId", "appEnv", "signerId"].map((name) => ({ name, in: "path", style: "simple", explode: false, required: true })),
    requestBody: { required: true, content: { "application/json": {} } },
    responses: { 200: { "application/json": true } },
  },
};
const clientOf = (options) =>
  createOperations(operations, { provider: "ignisign", title: "Ignisign", baseUrl, auth: bearerAuth(apiKey, "ignisign"), parseError: (body) => body }, options);
const signhubClient = clientOf({});
const signhubFetchClient = clientOf({ fetch: (url, init) => fetch(url, init) });
const plainClient = createClient({ baseUrl, headers: { authorization: `Bearer ${apiKey}` } });

const candidates = {
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
  "undici request()": async () => {
    const response = await request(url, {
      method: "PUT",
      headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (response.statusCode !== 200) throw new Error(`status ${response.statusCode}`);
    return response.body.json();
  },
  "signhub client": () => signhubClient.updateSigner({ params: { path }, body }),
  "signhub, given fetch": () => signhubFetchClient.updateSigner({ params: { path }, body }),
};
// Raw fetch and one contender: the code of one contender (openapi-fetch's serializers, say, which signhub
// also uses) must not shape the JIT's view of another's.
if (!candidates[contender]) throw new Error(`no such contender: ${contender}`);
const names = ["raw fetch", contender];
const sides = { "raw fetch": candidates["raw fetch"], [contender]: candidates[contender] };

/** CPU time of one awaited call, in microseconds. */
async function cpuOf(call) {
  const start = process.cpuUsage();
  await call();
  const used = process.cpuUsage(start);
  return used.user + used.system;
}

/** One round: every side called in turn, call by call, `calls` times; each call's CPU µs goes to `samples`. */
async function round(order, samples) {
  for (let i = 0; i < calls; i++) for (const name of order) samples[name].push(await cpuOf(sides[name]));
}

const samplesOf = () => Object.fromEntries(names.map((name) => [name, []]));
// Warm every path (JIT, connection pool) before measuring.
await round(names, samplesOf());
await round(names, samplesOf());

const samples = samplesOf();
for (let r = 0; r < rounds; r++)
  await round(
    names.map((_, i) => names[(i + r) % names.length]),
    samples,
  );
process.send({ names, samples });
process.disconnect();
