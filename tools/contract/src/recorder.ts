import { createServer, request, type Server } from "node:http";

/** The header a contract case is sent with, so its exchange with the mock can be told apart. */
export const CASE_HEADER = "x-signhub-contract-case";

/** One validation problem Prism found, from its `sl-violations` header. */
export interface Violation {
  location: string[];
  message: string;
  severity?: string;
}

/** Prism's own problem, answered when it could not mock the response (`SCHEMA_TOO_COMPLEX`, `UNAUTHORIZED`…). */
export interface PrismProblem {
  /** The end of its `type`, after `https://stoplight.io/prism/errors#`. */
  code: string;
  /** Its `title` and `detail` (when it says more), as `title: detail`, cut to `PROBLEM_LENGTH` characters. */
  message: string;
}

/** What the mock answered one case. */
export interface Exchange {
  status: number;
  violations: Violation[];
  problem?: PrismProblem;
}

/** How much of Prism's own problem an exchange keeps. */
export const PROBLEM_LENGTH = 300;

const PRISM_ERRORS = "https://stoplight.io/prism/errors#";

/**
 * A pass-through proxy in front of a mock that keeps, per case, the status, Prism's `sl-violations` and its
 * own problem body; nothing of the request (its `Authorization` and other headers are never kept).
 */
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
        // the violations in its body only; a response it cannot make, its own problem with a title.
        // Read before the body is passed on, so it is noted first.
        if (typeof caseId === "string" && !violations.length && String(answer.headers["content-type"]).includes("problem+json")) {
          const chunks: Buffer[] = [];
          answer.on("data", (chunk: Buffer) => chunks.push(chunk));
          answer.on("end", () => exchanges.set(caseId, { status, ...prismProblem(Buffer.concat(chunks).toString("utf8")) }));
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
  const raw = Array.isArray(header) ? header.join(",") : header;
  if (!raw) return [];
  // Node reads header bytes as Latin-1; Prism writes its messages in UTF-8 (`µs` would read `Âµs`).
  const text = Buffer.from(raw, "latin1").toString("utf8");
  try {
    return JSON.parse(text.replace(/^Too many violations! /, "")) as Violation[];
  } catch {
    // Prism cuts a long list short, mid-JSON: the violations written whole before the cut (each a flat object).
    const whole = (text.match(/\{[^{}]*\}/g) ?? []).flatMap((part) => {
      try {
        const violation = JSON.parse(part) as Partial<Violation>;
        return Array.isArray(violation.location) && typeof violation.message === "string" ? [violation as Violation] : [];
      } catch {
        return [];
      }
    });
    return whole.length ? whole : [{ location: [], message: text.slice(0, 500) }];
  }
}

/**
 * Prism's own problem body (`type` under `https://stoplight.io/prism/errors#`): its violations (`validation`),
 * located as in `sl-violations` (a 422's are the request's), and the problem itself.
 */
function prismProblem(text: string): Pick<Exchange, "violations" | "problem"> {
  try {
    const body = JSON.parse(text) as { type?: unknown; title?: unknown; detail?: unknown; validation?: Violation[] };
    if (typeof body.type !== "string" || !body.type.startsWith(PRISM_ERRORS)) return { violations: [] };
    const code = body.type.slice(PRISM_ERRORS.length);
    const side = code === "UNPROCESSABLE_ENTITY" ? "request" : "response";
    const violations = (Array.isArray(body.validation) ? body.validation : []).map((violation) => ({
      ...violation,
      location: [side, ...(violation.location ?? [])],
    }));
    const message = [...new Set([body.title, body.detail])].filter((part) => typeof part === "string" && part !== "").join(": ");
    return { violations, problem: { code, message: message.slice(0, PROBLEM_LENGTH) } };
  } catch {
    return { violations: [] };
  }
}
