import { checkProof } from "./check-proof.js";
import type { Proof } from "./types.js";

/** Whether `proof` is a valid `ed25519-v2` signature of `hash` by the key in `proof.public`. */
export function verifyProof(hash: string, proof: Proof): boolean {
  return typeof hash === "string" && checkProof(hash, proof) === undefined;
}
