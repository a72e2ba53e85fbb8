// A real OpenID Connect provider (oidc-provider) for the browser tests, on loopback only.
// Two clients (Tenfold's and another app's), four people with groups, a one-click login page, and a
// test hook that swaps the next ID token for one minted for the other client, so the tests can prove
// Tenfold rejects a token whose audience is not Tenfold.
import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import Provider from "oidc-provider";
import { AUTH_APP_URL, OIDC_ISSUER, OIDC_PORT, OTHER_CLIENT, TENFOLD_CLIENT, TEST_USERS, type TestUser } from "./oidc-users";

// The slices of oidc-provider's (untyped) Koa context these hooks touch.
type GrantLike = { addOIDCScope(scope: string): void; save(): Promise<string> };
type GrantContext = {
  oidc: {
    result?: { consent?: { grantId?: string } };
    session: { accountId: string; grantIdFor(clientId: string): string | undefined };
    client: { clientId: string };
    provider: { Grant: { new (init: { clientId: string; accountId: string }): GrantLike; find(id: string): Promise<GrantLike | undefined> } };
  };
};
type TokenContext = { path: string; body: unknown };

const OTHER_CALLBACK = `${OIDC_ISSUER}/__test/other-client/callback`;
let swapNextIdToken: string | undefined;
const otherClientVerifiers = new Map<string, string>();

const provider = new Provider(OIDC_ISSUER, {
  clients: [
    {
      client_id: TENFOLD_CLIENT.id,
      client_secret: TENFOLD_CLIENT.secret,
      redirect_uris: [`${AUTH_APP_URL}/auth/callback`],
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    },
    {
      client_id: OTHER_CLIENT.id,
      client_secret: OTHER_CLIENT.secret,
      redirect_uris: [OTHER_CALLBACK],
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    },
  ],
  scopes: ["openid", "email", "profile", "groups"],
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
  cookies: { keys: ["e2e-only-cookie-key-not-a-secret"] },
  features: { devInteractions: { enabled: false } },
  pkce: { required: () => true },
  interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
  async findAccount(_ctx: unknown, id: string) {
    const user = TEST_USERS[id as TestUser];
    if (!user) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, email: user.email, email_verified: true, name: user.name, groups: [...user.groups] }) };
  },
  // Consent is implied for these first-party test clients.
  async loadExistingGrant(ctx: GrantContext) {
    const existing = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (existing) return ctx.oidc.provider.Grant.find(existing);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope("openid email profile groups");
    await grant.save();
    return grant;
  },
});

provider.use(async (ctx: TokenContext, next: () => Promise<void>) => {
  await next();
  if (ctx.path === "/token" && swapNextIdToken && ctx.body && typeof ctx.body === "object" && "id_token" in ctx.body) {
    ctx.body = { ...ctx.body, id_token: swapNextIdToken };
    swapNextIdToken = undefined;
  }
});

const html = (body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test IdP</title></head><body>${body}</body></html>`;

function send(res: ServerResponse, status: number, body: string, type = "text/html; charset=utf-8") {
  res.writeHead(status, { "content-type": type });
  res.end(body);
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

async function handleInteraction(req: IncomingMessage, res: ServerResponse, url: URL) {
  const [, , uid, step] = url.pathname.split("/");
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) return send(res, 400, html("<p>Unknown interaction.</p>"));
  if (req.method === "POST" && step === "login") {
    const user = (await readForm(req)).get("user");
    if (!user || !(user in TEST_USERS)) return send(res, 400, html("<p>Unknown user.</p>"));
    return provider.interactionFinished(req, res, { login: { accountId: user } }, { mergeWithLastSubmission: false });
  }
  if (details.prompt.name !== "login") {
    return provider.interactionFinished(req, res, { consent: {} }, { mergeWithLastSubmission: true });
  }
  const buttons = Object.entries(TEST_USERS)
    .map(([id, user]) => `<button type="submit" name="user" value="${id}">Sign in as ${user.name}</button>`)
    .join("<br>");
  send(res, 200, html(`<h1>Test identity provider</h1><p>Client: ${details.params.client_id}</p><form method="post" action="/interaction/${uid}/login">${buttons}</form>`));
}

// Test hook: run the code flow for the other client (same browser session), then arm the swap.
async function handleOtherClient(req: IncomingMessage, res: ServerResponse, url: URL) {
  if (url.pathname === "/__test/other-client/start") {
    const verifier = randomBytes(32).toString("base64url");
    const state = randomBytes(16).toString("base64url");
    otherClientVerifiers.set(state, verifier);
    const authorize = new URL(`${OIDC_ISSUER}/auth`);
    authorize.search = new URLSearchParams({
      client_id: OTHER_CLIENT.id,
      response_type: "code",
      scope: "openid email groups",
      redirect_uri: OTHER_CALLBACK,
      state,
      nonce: url.searchParams.get("nonce") ?? randomBytes(16).toString("base64url"),
      code_challenge: createHash("sha256").update(verifier).digest("base64url"),
      code_challenge_method: "S256",
    }).toString();
    res.writeHead(303, { location: authorize.href });
    return res.end();
  }
  if (url.pathname === "/__test/other-client/callback") {
    const state = url.searchParams.get("state") ?? "";
    const response = await fetch(`${OIDC_ISSUER}/token`, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(`${OTHER_CLIENT.id}:${OTHER_CLIENT.secret}`).toString("base64")}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code: url.searchParams.get("code") ?? "",
        redirect_uri: OTHER_CALLBACK,
        code_verifier: otherClientVerifiers.get(state) ?? "",
      }),
    });
    const tokens = (await response.json()) as { id_token?: string; error?: string };
    if (!tokens.id_token) return send(res, 500, html(`<p>Token exchange failed: ${tokens.error ?? response.status}</p>`));
    swapNextIdToken = tokens.id_token;
    return send(res, 200, html("<p id=armed>Armed: the next ID token issued will be this one for another-app.</p>"));
  }
  send(res, 404, html("<p>Not found.</p>"));
}

const callback = provider.callback();
createServer((req, res) => {
  const url = new URL(req.url ?? "/", OIDC_ISSUER);
  const handle = url.pathname.startsWith("/interaction/")
    ? handleInteraction(req, res, url)
    : url.pathname.startsWith("/__test/")
      ? handleOtherClient(req, res, url)
      : Promise.resolve(callback(req, res));
  handle.catch((error: unknown) => {
    console.error("test IdP:", error);
    if (!res.headersSent) send(res, 500, html("<p>Test IdP error.</p>"));
  });
}).listen(OIDC_PORT, "127.0.0.1", () => console.log(`test IdP on ${OIDC_ISSUER}`));
