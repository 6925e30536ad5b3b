// A loopback server for the client benchmark, in its own process so that its CPU time is not counted.
import { createServer } from "node:http";

const body = JSON.stringify({ signerId: "66a7b5c4e1f2a3b4c5d6e7f8", entityType: "NATURAL", success: true, alreadyExists: false });
const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) }).end(body));
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => process.send?.(server.address().port));
process.on("disconnect", () => process.exit(0));
