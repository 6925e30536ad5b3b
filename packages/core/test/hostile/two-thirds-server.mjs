// A loopback server in a process of its own, for the shared-signal test: it answers two requests of every
// three with {"id":"1"} and never answers the third. Sends its port to the parent, then serves until killed.
import { createServer } from "node:http";

let count = 0;
const server = createServer((req, res) => {
  req.resume();
  if (count++ % 3 === 2) return;
  res.writeHead(200, { "content-type": "application/json" }).end('{"id":"1"}');
});
server.listen(0, "127.0.0.1", () => process.send(server.address().port));
