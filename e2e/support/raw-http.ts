import { request as httpRequest } from "node:http";

// A request with headers a browser page could not set itself but a rebinding attacker's page effectively
// does (its own name in Host). Playwright's request context keeps Host to the URL's, so plain node:http.
export function rawRequest(options: {
  port: number;
  method?: string;
  path: string;
  headers: Record<string, string>;
}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port: options.port, method: options.method ?? "GET", path: options.path, headers: options.headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject).end();
  });
}
