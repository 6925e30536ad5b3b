// A loopback server in a process of its own, for the shared-signal test: it answers two requests of every
// three with {"id":"1"} and never answers the third. Sends its port to the parent, then serves until killed.
import { createServer } from "node:http";

let count = 0;
const server = createServer((req, res) => {
  req.resume();
  if (count++ % 3 === 2) return;
  res.writeHead(200, { "content-type": "application/json" }).end('{"id":"1"}');
});
// A backlog for 10,000 connections arriving at once (the kernel caps it at net.core.somaxconn), so that
// none waits out a dropped SYN.
server.listen({ port: 0, host: "127.0.0.1", backlog: 16_384 }, () => process.send(server.address().port));
