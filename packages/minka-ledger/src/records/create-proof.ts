import { sign } from "node:crypto";
import { secretKeyObject } from "./key-objects.js";
import { proofDigest } from "./proof-digest.js";
import type { KeyPair, Proof, ProofCustom } from "./types.js";

/** The method signhub signs with: Ed25519 over the SHA-256 digest of hash and custom. */
export const PROOF_METHOD = "ed25519-v2";

/** Signs a record hash (and optional signed `custom` fields) with an Ed25519 key pair. */
export function createProof(hash: string, keyPair: KeyPair, custom?: ProofCustom): Proof {
  const digest = proofDigest(hash, custom);
  const proof: Proof = {
    method: PROOF_METHOD,
    digest,
    public: keyPair.publicKey,
    result: sign(null, Buffer.from(digest, "hex"), secretKeyObject(keyPair)).toString("base64"),
  };
  if (custom !== undefined) proof.custom = custom;
  return proof;
}
