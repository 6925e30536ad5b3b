/** One scripted answer: a response, an error to throw, or a function of the request. */
export type Answer = Response | Error | ((request: Request) => Response | Promise<Response>);

/** A `fetch` that answers from a script and records every request it saw. */
export function scriptedFetch(...answers: Answer[]) {
  const seen: { method: string; url: string; headers: Headers; body: string }[] = [];
  const fetch = async (request: string | Request, init?: RequestInit) => {
    const sent = new Request(request, init);
    seen.push({ method: sent.method, url: sent.url, headers: new Headers(sent.headers), body: await sent.clone().text() });
    const answer = answers.length > 1 ? answers.shift()! : answers[0]!;
    if (answer instanceof Error) throw answer;
    return typeof answer === "function" ? answer(sent) : answer.clone();
  };
  return { fetch, seen };
}

/** A JSON response. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
}

/** An error as undici reports a refused or reset connection. */
export function connectionRefused(): Error {
  const cause = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { code: "ECONNREFUSED" });
  return new TypeError("fetch failed", { cause });
}
