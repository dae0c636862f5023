import { request as httpRequest, createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { Agent } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A small load balancer on loopback, standing in for nginx or a cloud balancer in the two-server
 * test and the mixed benchmark: each request goes to the next upstream in turn (round robin, no
 * stickiness, so a visitor's consecutive requests land on different servers), with the
 * client's address in X-Forwarded-For and the original Host kept. Bodies are streamed both ways.
 */
export interface RoundRobinProxy {
  url: string;
  port: number;
  /** How many requests each upstream got, in the order given. */
  counts: number[];
  close(): Promise<void>;
}

export async function startRoundRobinProxy(upstreams: string[], options: { port?: number } = {}): Promise<RoundRobinProxy> {
  if (upstreams.length === 0) throw new Error("the proxy needs at least one upstream");
  const targets = upstreams.map((address) => new URL(address));
  const counts = targets.map(() => 0);
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  let next = 0;

  const forward = (incoming: IncomingMessage, outgoing: ServerResponse) => {
    const index = next;
    next = (next + 1) % targets.length;
    counts[index]! += 1;
    send(incoming, outgoing, targets[index]!, true);
  };

  const send = (incoming: IncomingMessage, outgoing: ServerResponse, target: URL, mayRetry: boolean) => {
    const forwardedFor = [incoming.headers["x-forwarded-for"], incoming.socket.remoteAddress].filter(Boolean).join(", ");
    const upstream = httpRequest(
      {
        agent,
        hostname: target.hostname,
        port: target.port,
        method: incoming.method,
        path: incoming.url,
        headers: { ...incoming.headers, "x-forwarded-for": forwardedFor, connection: "keep-alive" },
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
        answer.pipe(outgoing);
      },
    );
    upstream.on("error", (error: NodeJS.ErrnoException) => {
      // A kept-alive connection the server closed just as it was reused: a request without a body
      // is sent again once, as nginx does (proxy_next_upstream error), instead of answering 502.
      const idempotent = incoming.method === "GET" || incoming.method === "HEAD";
      if (mayRetry && idempotent && !outgoing.headersSent && error.code === "ECONNRESET") return send(incoming, outgoing, target, false);
      if (!outgoing.headersSent) outgoing.writeHead(502, { "content-type": "text/plain" });
      outgoing.end("upstream unavailable");
    });
    if (incoming.method === "GET" || incoming.method === "HEAD") upstream.end();
    else incoming.pipe(upstream);
  };

  const server: Server = createServer(forward);
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    counts,
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
