/** The last lines of a process's output, oldest first. */
export interface LineBuffer {
  push(line: string): void;
  lines(): string[];
}

/** A ring of the last `limit` lines, so a long-running mock's log never grows without bound. */
export function createLineBuffer(limit: number): LineBuffer {
  const ring: string[] = [];
  let next = 0;
  return {
    push(line) {
      if (ring.length < limit) {
        ring.push(line);
      } else {
        ring[next] = line;
      }
      next = (next + 1) % limit;
    },
    lines() {
      return ring.length < limit ? [...ring] : [...ring.slice(next), ...ring.slice(0, next)];
    },
  };
}
