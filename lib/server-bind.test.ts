import { once } from "node:events";
import { createServer, request, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { installPeerStamp, LOCAL_ADDRESS_HEADER, stampedLocalAddress, stampToken } from "@/lib/auth/peer";
import { boundAddresses, demoBindProblem, listeningAddresses } from "./server-bind";

// Real servers on real sockets: what instrumentation sees inside `next start` or server.js.
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function listen(hostname: string): Promise<{ server: Server; seen: IncomingHttpHeaders[] }> {
  const seen: IncomingHttpHeaders[] = [];
  const server = createServer((req, res) => {
    seen.push(req.headers);
    res.end("ok");
  });
  servers.push(server);
  server.listen(0, hostname);
  await once(server, "listening");
  return { server, seen };
}

async function get(port: number, headers: Record<string, string>): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path: "/", headers }, (res) => res.resume().on("end", resolve));
    req.on("error", reject).end();
  });
}

describe("the demo's bind guard", () => {
  it("reads where this process's HTTP servers listen, and names the ones beyond loopback", async () => {
    const loopback = await listen("127.0.0.1");
    expect(listeningAddresses()).toContain("127.0.0.1");
    expect(demoBindProblem()).toBeNull();
    expect(boundAddresses()).toEqual(["127.0.0.1"]);

    await listen("0.0.0.0");
    expect(demoBindProblem()).toMatch(/^demo mode must listen on loopback only, but this server listens on 0\.0\.0\.0: start it with npm run demo/);
    expect(boundAddresses()).toEqual(expect.arrayContaining(["127.0.0.1", "0.0.0.0"]));
    loopback.server.close();
  });

  it("stamps each request with the local address it arrived on, over whatever the client claimed", async () => {
    installPeerStamp();
    const { server, seen } = await listen("127.0.0.1");
    const { port } = server.address() as AddressInfo;
    await get(port, { [LOCAL_ADDRESS_HEADER]: "10.9.8.7" });
    await get(port, {});
    const stamp = `${stampToken()} 127.0.0.1`;
    expect(seen.map((headers) => headers[LOCAL_ADDRESS_HEADER])).toEqual([stamp, stamp]);
    expect(stampedLocalAddress(new Headers({ [LOCAL_ADDRESS_HEADER]: stamp }))).toBe("127.0.0.1");
  });
});
