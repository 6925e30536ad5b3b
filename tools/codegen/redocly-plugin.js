// signhub's Redocly plugin: rules a configurable rule cannot express. Loaded by redocly-rules.yaml.

/** Every operation says whether a client may repeat it: `x-signhub-retry: { safe: <boolean>, reason: <text> }`. */
function operationRetryDecision() {
  return {
    Operation(operation, { report, location }) {
      // Webhooks and callbacks are requests the provider sends, not calls a client makes.
      if (!/^#\/paths\/[^/]+\/[a-z]+$/.test(location.pointer)) return;
      const decision = operation["x-signhub-retry"];
      if (decision === undefined) {
        report({ message: "Operation must state `x-signhub-retry` ({ safe, reason }); clients read it to decide what to retry.", location: location.key() });
        return;
      }
      if (typeof decision !== "object" || decision === null || Array.isArray(decision)) {
        report({ message: "`x-signhub-retry` must be an object { safe, reason }.", location: location.child("x-signhub-retry") });
        return;
      }
      if (typeof decision.safe !== "boolean") {
        report({
          message: "`x-signhub-retry.safe` must be true or false: whether a client may repeat this operation.",
          location: location.child("x-signhub-retry"),
        });
      }
      if (typeof decision.reason !== "string" || decision.reason.trim() === "") {
        report({ message: "`x-signhub-retry.reason` must say why the operation is (or is not) safe to repeat.", location: location.child("x-signhub-retry") });
      }
    },
  };
}

export default function signhubPlugin() {
  return {
    id: "signhub",
    rules: {
      oas3: { "operation-retry-decision": operationRetryDecision },
    },
  };
}
