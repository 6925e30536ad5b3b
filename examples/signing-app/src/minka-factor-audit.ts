import type { components, MinkaLedgerClient } from "@signhub/minka-ledger";

type SignerFactorChange = components["schemas"]["SignerFactorChange"];

/** A signer factor's history, as an audit reads it. */
export interface FactorAudit {
  /** Every version, newest first, each verified against the client's `trustedKeys` with the list. */
  changes: SignerFactorChange[];
  /** Whether each version names the one before it as its `parent`, the oldest none: no version is missing. */
  unbroken: boolean;
}

/** Reads a signer factor's changes (`listSignerFactorChanges`) and checks that they chain one to the next. */
export async function auditSignerFactor(minka: MinkaLedgerClient, factor: { signer: string; id: string }): Promise<FactorAudit> {
  const { data: changes } = await minka.listSignerFactorChanges({ params: { path: { signer: factor.signer, id: factor.id } } });
  const unbroken = changes.every((change, index) => change.data.parent === changes[index + 1]?.hash);
  return { changes, unbroken };
}
