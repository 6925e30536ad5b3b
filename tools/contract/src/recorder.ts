import { createServer, request, type Server } from "node:http";

/** The header a contract case is sent with, so its exchange with the mock can be told apart. */
export const CASE_HEADER = "x-signhub-contract-case";

/** One validation problem Prism found, from its `sl-violations` header. */
export interface Violation {
  location: string[];
  message: string;
  severity?: string;
}

/** What the mock answered one case. */
export interface Exchange {
  status: number;
  violations: Violation[];
}

/** A pass-through proxy in front of a mock that keeps, per case, the status and Prism's `sl-violations`. */
export interface Recorder {
  url: string;
  exchange(caseId: string): Exchange | undefined;
  close(): Promise<void>;
}

/**
 * Starts a proxy to `target` on a free loopback port. The client under test talks to it as it would to the
 * mock; nothing is changed on the way, only the answer's status and violations are noted.
 */
export async function startRecorder(target: string): Promise<Recorder> {
  const upstream = new URL(target);
  const exchanges = new Map<string, Exchange>();
  const server: Server = createServer((incoming, outgoing) => {
    const caseId = incoming.headers[CASE_HEADER];
    const forwarded = request(
      { host: upstream.hostname, port: upstream.port, method: incoming.method, path: incoming.url, headers: incoming.headers },
      (answer) => {
        const status = answer.statusCode ?? 0;
        const violations = parseViolations(answer.headers["sl-violations"]);
        if (typeof caseId === "string") exchanges.set(caseId, { status, violations });
        // A request Prism refuses without a documented error to answer with gets its own 422 problem,
        // the violations in its body only. Read before the body is passed on, so it is noted first.
        if (typeof caseId === "string" && !violations.length && String(answer.headers["content-type"]).includes("problem+json")) {
          const chunks: Buffer[] = [];
          answer.on("data", (chunk: Buffer) => chunks.push(chunk));
          answer.on("end", () => exchanges.set(caseId, { status, violations: problemViolations(Buffer.concat(chunks).toString("utf8")) }));
        }
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forwarded.on("error", (error) => outgoing.destroy(error));
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("the contract recorder has no TCP address");
  return {
    url: `http://127.0.0.1:${address.port}${upstream.pathname.replace(/\/$/, "")}`,
    exchange: (caseId) => exchanges.get(caseId),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Prism writes its violations as JSON, prefixed `Too many violations! ` (and cut) past 8 KiB. */
export function parseViolations(header: string | string[] | undefined): Violation[] {
  const text = Array.isArray(header) ? header.join(",") : header;
  if (!text) return [];
  try {
    return JSON.parse(text.replace(/^Too many violations! /, "")) as Violation[];
  } catch {
    return [{ location: [], message: text.slice(0, 500) }];
  }
}

/** The violations of Prism's own problem body (`validation`), located as in `sl-violations`: a 422's are the request's. */
function problemViolations(text: string): Violation[] {
  try {
    const problem = JSON.parse(text) as { type?: unknown; validation?: Violation[] };
    if (!Array.isArray(problem.validation)) return [];
    const side = String(problem.type).endsWith("UNPROCESSABLE_ENTITY") ? "request" : "response";
    return problem.validation.map((violation) => ({ ...violation, location: [side, ...(violation.location ?? [])] }));
  } catch {
    return [];
  }
}
