// Throughput of verifyRecord against raw node:crypto verify of the same two signatures.
// Run after `pnpm exec tsc -p tsconfig.build.json`: node bench/verify-record.mjs
import { createPublicKey, verify } from "node:crypto";
import { readFileSync } from "node:fs";
import { verifyRecord } from "../dist/records/index.js";

const ROUNDS = 21;
const ITERATIONS = 2_000;
const SYSTEM_KEY = "bctQzN7mjMUNBIx4aSC8WYn03GJWoJjL/KrDb38oU5c=";
const ADMIN_KEY = "dsZvr0rEw9sIffHlv1VP65x1NB8GeXezIv6HONk1SIk=";
const SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");

const record = JSON.parse(readFileSync(new URL("../test/fixtures/page/update-signer-factor-200.json", import.meta.url), "utf8"));
// Both signers trusted, so that verifyRecord checks both signatures, as the baseline does.
const options = { trustedKeys: [SYSTEM_KEY, ADMIN_KEY] };

// Baseline: everything that can be prepared ahead is, leaving only the signature checks.
const prepared = record.meta.proofs.map((proof) => ({
  key: createPublicKey({ key: Buffer.concat([SPKI_PREFIX, Buffer.from(proof.public, "base64")]), format: "der", type: "spki" }),
  digest: Buffer.from(proof.digest, "hex"),
  signature: Buffer.from(proof.result, "base64"),
}));

function baseline() {
  let ok = true;
  for (const { key, digest, signature } of prepared) ok = verify(null, digest, key, signature) && ok;
  return ok;
}

function ours() {
  return verifyRecord(record, options).valid;
}

/** Operations per CPU second of `operation`, measured with process.cpuUsage. */
function throughput(operation) {
  const start = process.cpuUsage();
  let ok = true;
  for (let i = 0; i < ITERATIONS; i++) ok = operation() && ok;
  const used = process.cpuUsage(start);
  if (!ok) throw new Error(`${operation.name} rejected the page's record`);
  return ITERATIONS / ((used.user + used.system) / 1e6);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

throughput(baseline);
throughput(ours);

const ratios = [];
const baselineRates = [];
const ourRates = [];
for (let round = 0; round < ROUNDS; round++) {
  // Alternate which side runs first so neither always gets the warmer CPU.
  const [b, o] = round % 2 === 0 ? [throughput(baseline), throughput(ours)] : (([o2, b2]) => [b2, o2])([throughput(ours), throughput(baseline)]);
  baselineRates.push(b);
  ourRates.push(o);
  ratios.push(o / b);
}

const format = (rate) => `${Math.round(rate).toLocaleString("en")} records/s`;
console.log(`baseline (2 × crypto.verify): ${format(median(baselineRates))}`);
console.log(`verifyRecord:                 ${format(median(ourRates))}`);
console.log(`median ratio (verifyRecord / baseline) over ${ROUNDS} rounds: ${median(ratios).toFixed(3)}`);
