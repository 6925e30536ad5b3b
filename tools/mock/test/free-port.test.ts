import { once } from "node:events";
import { createServer } from "node:net";
import { expect, test } from "vitest";
import { getFreePort, getFreePorts, isPortFree } from "../src/free-port.js";

test("a free port can be listened on", async () => {
  const port = await getFreePort();
  expect(await isPortFree(port)).toBe(true);
});

test("several free ports are distinct", async () => {
  const ports = await getFreePorts(4);
  expect(new Set(ports).size).toBe(4);
});

test("a port something listens on is not free", async () => {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as { port: number };
  expect(await isPortFree(port)).toBe(false);
  server.close();
});
