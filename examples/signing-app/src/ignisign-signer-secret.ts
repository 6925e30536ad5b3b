import type { IgnisignAppClient } from "./ignisign-signature.js";

/** Where the app keeps a signer's auth secret for embedded signing (a vault, a secret store). */
export type SignerSecretStore = (signerId: string, authSecret: string) => Promise<void>;

/** A signer's auth secret rotated: what is safe to log of it. */
export interface RotatedSignerSecret {
  signerId: string;
}

/**
 * Gives a signer a new auth secret (`regenerateSignerAuthSecret`) and hands it to `store` only: the secret is
 * neither returned nor put in an error, so no log of the result or of a failure shows it. The old secret stops
 * working at once, so an app that signs embedded must store the new one before anything else.
 */
export async function rotateSignerAuthSecret(ignisign: IgnisignAppClient, signerId: string, store: SignerSecretStore): Promise<RotatedSignerSecret> {
  const { authSecret } = await ignisign.regenerateSignerAuthSecret({ params: { path: { signerId } } });
  // The spec leaves the field optional; without it there is nothing to store.
  if (authSecret === undefined || authSecret === "") throw new Error(`Ignisign regenerated signer ${signerId}'s auth secret without answering it`);
  try {
    await store(signerId, authSecret);
  } catch {
    // The store's own error may quote what it was given: it is left out, and the message says what to do.
    throw new Error(`The new auth secret of signer ${signerId} could not be stored; the old one no longer works: rotate again`);
  }
  return { signerId };
}
