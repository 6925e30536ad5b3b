import type { MinkaLedgerClient } from "@signhub/minka-ledger";

/** The ledger's `system` keys as announced, against the ones the app pins. */
export interface SystemKeyReview {
  /** The keys `GET /signers/system` announces, each signed by itself. */
  announced: string[];
  /** Announced keys the app already pins in `trustedKeys`. */
  pinned: string[];
  /** Announced keys the app does not pin yet: for the operator to check before adding them. */
  unpinned: string[];
}

/**
 * An operator's step, not the app's: reads the keys the ledger's `system` signer announces
 * (`readSystemSignerKeys`, which checks only that the answer is signed by the key it announces) and prints
 * them beside the app's `trustedKeys`. Whether to pin a key is the operator's decision: compare it with the key
 * the ledger's operator gave out of band, then put it in the configuration. The app never pins what it reads.
 * Works with a client that trusts no key yet.
 */
export async function reviewSystemKeys(
  minka: MinkaLedgerClient,
  trustedKeys: readonly string[],
  print: (line: string) => void = console.log,
): Promise<SystemKeyReview> {
  const announced = await minka.readSystemSignerKeys();
  const pinned = announced.filter((key) => trustedKeys.includes(key));
  const unpinned = announced.filter((key) => !trustedKeys.includes(key));
  for (const key of pinned) print(`already pinned: ${key}`);
  for (const key of unpinned) print(`NOT pinned: ${key} (compare it with the key the ledger's operator gave you before adding it to trustedKeys)`);
  return { announced, pinned, unpinned };
}
