import type { components } from "@signhub/ignisign";
import type { IgnisignAppClient } from "./ignisign-signature.js";

type Status = components["schemas"]["IgnisignSignatureRequestStatus"];

/** The statuses Ignisign's model calls done: a request in one of them changes no more. */
export const FINISHED_STATUSES: readonly Status[] = ["COMPLETED", "EXPIRED", "FAILED", "CANCELLED"];

/** Where several signature requests stand, as a dashboard shows them. */
export interface SignatureRequestStatuses {
  /** Each request's status, by its id, in the order Ignisign answered. */
  byId: Map<string, Status>;
  /** The ids of the requests that changes no more (`FINISHED_STATUSES`): the next poll can leave them out. */
  finished: string[];
  /** The ids of the requests still under way: the ones to poll again. */
  pending: string[];
}

/** Reads the statuses of several signature requests in one call: one poll of a dashboard. */
export async function readSignatureRequestStatuses(ignisign: IgnisignAppClient, signatureRequestIds: readonly string[]): Promise<SignatureRequestStatuses> {
  const { signatureRequests } = await ignisign.getSignatureRequestsStatus({ body: { signatureRequestIds: [...signatureRequestIds] } });
  const byId = new Map(signatureRequests.map(({ signatureRequestId, status }) => [signatureRequestId, status]));
  const ids = [...byId.keys()];
  return {
    byId,
    finished: ids.filter((id) => FINISHED_STATUSES.includes(byId.get(id)!)),
    pending: ids.filter((id) => !FINISHED_STATUSES.includes(byId.get(id)!)),
  };
}
