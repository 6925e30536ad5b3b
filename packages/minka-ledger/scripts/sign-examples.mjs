// Prints the generated examples of specs/minka-ledger/openapi.yaml, signed with the
// committed TEST keys in test/fixtures/test-keys.json. Ed25519 is deterministic, so the
// output is the same on every run; paste each record as that example's `value`.
// Run after `pnpm exec tsc -p tsconfig.build.json`: node scripts/sign-examples.mjs
import { readFileSync } from "node:fs";
import { createProof, hashRecordData } from "../dist/records/index.js";

const keys = JSON.parse(readFileSync(new URL("../test/fixtures/test-keys.json", import.meta.url), "utf8"));
const SYSTEM = keys.testSystemKeyPair;
const SIGNER = keys.testSignerKeyPair;
const SIGNER_HANDLE = keys.testSignerHandle;
const SUBMITTED = "2025-04-05T14:30:00.000Z";
const STORED = "2025-04-05T14:30:00.050Z";

/** A client's submission: data signed by the test signer. */
function submission(data) {
  const hash = hashRecordData(data);
  return { hash, data, meta: { proofs: [createProof(hash, SIGNER, { moment: SUBMITTED })] } };
}

/** A stored record as the ledger returns it: the signer's proof plus the system proof. */
function stored(luid, data) {
  const { hash, meta } = submission(data);
  return {
    luid,
    hash,
    data,
    meta: {
      status: "created",
      moment: STORED,
      owners: [SIGNER.publicKey],
      proofs: [
        { signer: SIGNER_HANDLE, ...meta.proofs[0] },
        { signer: "system", ...createProof(hash, SYSTEM, { luid, moment: STORED }) },
      ],
    },
  };
}

/** A ledger-signed body whose data is `data`: error bodies and list envelopes. */
function systemSigned(data, moment) {
  const hash = hashRecordData(data);
  return { hash, data, meta: { proofs: [{ signer: "system", ...createProof(hash, SYSTEM, { moment }) }] } };
}

const signingKey = {
  handle: "signing-key",
  signer: SIGNER_HANDLE,
  public: SIGNER.publicKey,
  format: "ed25519-raw",
  schema: "key-pair",
  custom: { title: "Test primary signing key" },
};
const backupKey = {
  handle: "backup-key",
  signer: SIGNER_HANDLE,
  public: keys.testBackupKeyPair.publicKey,
  format: "ed25519-raw",
  schema: "key-pair",
  custom: { title: "Test backup signing key" },
};
const signingKeyRecord = stored("$snf.-01xT3stS1gn1ngK3y", signingKey);
const backupKeyRecord = stored("$snf.-01xT3stB4ckupK3y0", backupKey);

const examples = {
  TestCreateSignerFactorRequest: submission(signingKey),
  TestSignerFactor: signingKeyRecord,
  TestSignerFactorList: systemSigned([signingKeyRecord, backupKeyRecord], "2025-04-05T14:31:00.000Z"),
  TestParentHashInvalid: systemSigned(
    { reason: "crypto.parent-hash-invalid", detail: "Parent hash does not match the current record hash." },
    SUBMITTED,
  ),
  TestSignerFactorDuplicated: systemSigned(
    { reason: "record.duplicated", detail: "Signer factor with handle signing-key already exists." },
    SUBMITTED,
  ),
};

console.log(JSON.stringify(examples, null, 2));
