import type { components, NevisIdmClient } from "@signhub/nevis-idm";

type MobileSignature = components["schemas"]["MobileSignature"];

/** A nevisIDM user, by the external ids of its client and of itself. */
export interface NevisUser {
  clientExtId: string;
  userExtId: string;
}

/** The user's phone, as the mobile signature service provider (MSSP) knows it. */
export interface MobilePhone {
  identificator: string;
  msspIdentifier: string;
  /** The calling number, validated against the policy's pattern. */
  msisdn: string;
}

/** A mobile signature credential provisioned, with what each step answered. */
export interface ProvisionedMobileSignature {
  /** As created: `stateName` initial. */
  created: MobileSignature;
  /** As read back, with the `version` the activation sent. */
  read: MobileSignature;
  /** As activated: `stateName` active, its `version` one further. */
  activated: MobileSignature;
}

/**
 * Gives the user a mobile signature credential and activates it: created `initial`, read back for its
 * `version`, then updated to `active` with that version, so that a change made by someone else in between
 * fails (409, `ConflictError`) rather than being overwritten.
 */
export async function provisionMobileSignature(nevis: NevisIdmClient, user: NevisUser, phone: MobilePhone): Promise<ProvisionedMobileSignature> {
  const path = { clientExtId: user.clientExtId, userExtId: user.userExtId };
  const created = await nevis.createMobileSignature({ params: { path }, body: { ...phone, stateName: "initial" } });
  const read = await nevis.getMobileSignature({ params: { path } });
  // Without a version nevisIDM would apply the update whatever happened in between.
  if (read.version === undefined) throw new Error("nevisIDM answered a mobile signature without its version");
  const activated = await nevis.updateMobileSignature({
    params: { path },
    body: { stateName: "active", version: read.version, modificationComment: "Activated after provisioning" },
  });
  return { created, read, activated };
}

/** Deletes the user's mobile signature credential. */
export async function removeMobileSignature(nevis: NevisIdmClient, user: NevisUser): Promise<void> {
  await nevis.deleteMobileSignature({ params: { path: { clientExtId: user.clientExtId, userExtId: user.userExtId } } });
}
