import type { components, IterateLedgerListOptions, MinkaLedgerClient } from "@signhub/minka-ledger";

type SignerFactorRecord = components["schemas"]["SignerFactorRecord"];

/** Every factor of a signer, page after page (`iterateSignerFactors`), each page verified as any answer. */
export async function listAllSignerFactors(minka: MinkaLedgerClient, signer: string, options?: IterateLedgerListOptions): Promise<SignerFactorRecord[]> {
  const factors: SignerFactorRecord[] = [];
  for await (const factor of minka.iterateSignerFactors({ params: { path: { signer } } }, options)) factors.push(factor);
  return factors;
}
