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

/** A stored record as the ledger returns it: the signer's proof plus the system proof; `extra` adds meta fields. */
function stored(luid, data, extra = {}, moment = STORED) {
  const { hash, meta } = submission(data);
  return {
    luid,
    hash,
    data,
    meta: {
      status: "created",
      ...extra,
      moment,
      owners: [SIGNER.publicKey],
      proofs: [
        { signer: SIGNER_HANDLE, ...meta.proofs[0] },
        { signer: "system", ...createProof(hash, SYSTEM, { luid, moment }) },
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

const rotatedKey = { ...signingKey, parent: signingKeyRecord.hash, custom: { title: "Test primary signing key, rotated" } };
const ROTATED = "2025-04-05T14:30:05.050Z";
const PROVED = "2025-04-05T14:30:10.000Z";
const SYSTEM_LUID = "$snr.-01xT3stSyst3mK3y";
const systemSignerData = { handle: "system", public: SYSTEM.publicKey, format: "ed25519-raw" };
const systemSignerHash = hashRecordData(systemSignerData);

const examples = {
  TestSignerFactorWithProof: {
    ...signingKeyRecord,
    meta: {
      ...signingKeyRecord.meta,
      status: "active",
      moment: "2025-04-05T14:30:10.020Z",
      proofs: [...signingKeyRecord.meta.proofs, { signer: SIGNER_HANDLE, ...createProof(signingKeyRecord.hash, SIGNER, { moment: PROVED, status: "active" }) }],
    },
  },
  TestSignerFactorChanges: systemSigned(
    [
      stored("$snf.-01xT3stS1gn1ngK3y", rotatedKey, { action: "update", change: 2 }, ROTATED),
      stored("$snf.-01xT3stS1gn1ngK3y", signingKey, { action: "create", change: 1 }),
    ],
    "2025-04-05T14:31:00.000Z",
  ),
  TestSystemSigner: {
    luid: SYSTEM_LUID,
    hash: systemSignerHash,
    data: systemSignerData,
    meta: {
      status: "created",
      moment: SUBMITTED,
      owners: [SYSTEM.publicKey],
      proofs: [{ signer: "system", ...createProof(systemSignerHash, SYSTEM, { luid: SYSTEM_LUID, moment: SUBMITTED }) }],
    },
  },
  TestCreateSignerFactorRequest: submission(signingKey),
  TestSignerFactor: signingKeyRecord,
  TestSignerFactorList: { ...systemSigned([signingKeyRecord, backupKeyRecord], "2025-04-05T14:31:00.000Z"), page: { index: 0, limit: 20 } },
  TestParentHashInvalid: systemSigned({ reason: "crypto.parent-hash-invalid", detail: "Parent hash does not match the current record hash." }, SUBMITTED),
  TestSignerFactorDuplicated: systemSigned({ reason: "record.duplicated", detail: "Signer factor with handle signing-key already exists." }, SUBMITTED),
};

console.log(JSON.stringify(examples, null, 2));
