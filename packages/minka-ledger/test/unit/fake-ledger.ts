import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createProof, hashRecordData, type LedgerRecord, verifyRecord } from "../../src/index.js";
import { TEST_SYSTEM_KEY_PAIR } from "../fixtures/test-keys.js";

/** A record as the ledger answers it: the submitter's proofs plus the `system` proof. */
function systemSigned<T>(data: T, proofs: LedgerRecord["meta"]["proofs"] = [], luid?: string): LedgerRecord<T> {
  const hash = hashRecordData(data);
  const system = { ...createProof(hash, TEST_SYSTEM_KEY_PAIR, { moment: new Date().toISOString() }), signer: "system" };
  return { ...(luid ? { luid } : {}), hash, data, meta: { proofs: [...proofs, system] } };
}

/**
 * A loopback stand-in for one signer factor on a Minka ledger, and its `system` signer at GET /signers/system
 * (signed by its own TEST key): GET reads the factor, PUT replaces it when
 * `data.parent` is its current hash and answers a signed 422 `crypto.parent-hash-invalid` otherwise.
 * `interfere(n)` lets another writer change the factor after the n-th read.
 */
export async function fakeLedger(initial: Record<string, unknown>, interfere: (read: number) => boolean = () => false) {
  let current = systemSigned(initial, [], "$snf.test-1");
  let reads = 0;
  const writes: { parent: unknown; accepted: boolean }[] = [];
  const requests: { method: string; url: string; headers: IncomingMessage["headers"] }[] = [];

  const send = (res: ServerResponse, status: number, body: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));

  const server = createServer(async (req, res) => {
    requests.push({ method: req.method!, url: req.url!, headers: req.headers });
    if (req.method === "GET" && req.url!.endsWith("/signers/system")) {
      const data = { handle: "system", public: TEST_SYSTEM_KEY_PAIR.publicKey, format: "ed25519-raw" };
      return send(res, 200, systemSigned(data, [], "$snr.test-system"));
    }
    if (req.method === "GET") {
      send(res, 200, current);
      if (interfere(++reads)) current = systemSigned({ ...current.data, parent: current.hash, custom: { by: "someone else", at: reads } }, [], current.luid);
      return;
    }
    let text = "";
    for await (const chunk of req) text += chunk;
    const body = JSON.parse(text) as LedgerRecord<Record<string, unknown>>;
    if (!verifyRecord(body).valid) return send(res, 400, systemSigned({ reason: "crypto.signature-invalid", detail: "Invalid proof." }));
    const accepted = body.data.parent === current.hash;
    writes.push({ parent: body.data.parent, accepted });
    if (!accepted) return send(res, 422, systemSigned({ reason: "crypto.parent-hash-invalid", detail: "Parent hash does not match." }));
    current = systemSigned(body.data, body.meta.proofs, current.luid);
    send(res, 200, current);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2`,
    current: () => current,
    writes,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
