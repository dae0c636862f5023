import http, { type Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";

/**
 * A baseline for the benchmarks: an Express app (the framework the real server uses) answering
 * one URL's bytes, as fetched from the real server once (identity and gzip, with their headers),
 * from memory to every GET. What it costs is HTTP and Express alone, measured in the same run.
 */
export async function memoryServer(
  url: string,
  options: { accept?: string; port?: number } = {},
): Promise<{ server: Server; origin: string }> {
  const fetchRaw = (encoding: string) =>
    new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      http.get(url, { headers: { accept: options.accept ?? "application/json", "accept-encoding": encoding } }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
        response.on("error", reject);
      });
    });
  const [plain, zipped] = [await fetchRaw("identity"), await fetchRaw("gzip")];
  const app = express();
  app.get(/.*/, (request, response) => {
    const answer = /\bgzip\b/.test(request.headers["accept-encoding"] ?? "") ? zipped : plain;
    response.writeHead(200, answer.headers);
    response.end(answer.body);
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const listening: Server = app.listen(options.port ?? 0, "127.0.0.1", () => resolve(listening));
    listening.once("error", reject);
  });
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}
