import { expect, test } from "@playwright/test";
import { SESSION_COOKIE, sessionCookie, signedInContext } from "./support/auth";
import { AUTH_APP_PORT } from "./support/oidc-users";
import { rawRequest } from "./support/raw-http";

// Issue 14 §2, DNS rebinding: a page on rebind.attacker.example whose name now resolves to Tenfold sends
// Host and Origin both naming itself. The sign-in server (TENFOLD_URL=http://localhost:<port>) answers
// only its own name; the health check answers any name (load balancers use their own).
const REBIND = "rebind.attacker.example";

test("a signed-in admin's cookie sent under a rebinding Host gets 421, not the export or a rescan", async ({ browser }) => {
  const context = await signedInContext(browser, "alice");
  const cookie = `${SESSION_COOKIE}=${(await sessionCookie(context))!.value}`;
  const foreign = { host: `${REBIND}:${AUTH_APP_PORT}`, origin: `http://${REBIND}:${AUTH_APP_PORT}`, cookie };

  const rescan = await rawRequest({ port: AUTH_APP_PORT, method: "POST", path: "/api/accounts/111122223333/rescan", headers: foreign });
  expect(rescan.status).toBe(421);
  const exported = await rawRequest({ port: AUTH_APP_PORT, path: "/api/accounts/export", headers: foreign });
  expect(exported).toEqual({ status: 421, body: JSON.stringify({ error: "unknown host: set TENFOLD_URL to the origin people use" }) });
  const page = await rawRequest({ port: AUTH_APP_PORT, path: "/", headers: foreign });
  expect(page.status).toBe(421);

  // The same cookie under the configured name is served as usual.
  const own = await rawRequest({ port: AUTH_APP_PORT, path: "/api/accounts/export", headers: { host: `localhost:${AUTH_APP_PORT}`, cookie } });
  expect(own.status).toBe(200);
  await context.close();
});

test("the health check answers under a load balancer's own Host; other names do not", async () => {
  const health = await rawRequest({ port: AUTH_APP_PORT, path: "/api/health", headers: { host: "10.0.3.7:3000" } });
  expect(health.status).toBe(200);
  expect(JSON.parse(health.body)).toMatchObject({ status: "ok" });
  const signIn = await rawRequest({ port: AUTH_APP_PORT, path: "/signin", headers: { host: "10.0.3.7:3000" } });
  expect(signIn.status).toBe(421);
  const byAddress = await rawRequest({ port: AUTH_APP_PORT, path: "/signin", headers: { host: `127.0.0.1:${AUTH_APP_PORT}` } });
  expect(byAddress.status).toBe(421);
});
