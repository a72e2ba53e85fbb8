import "server-only";
import { deleteExpiredSessions, deleteSession, insertSession, upsertUser } from "@/db/store/auth";
import { getDb } from "@/lib/db/connection";
import { authMode, getEnv } from "@/lib/env";
import { audit } from "./audit";
import { clearCookie, readCookie, seeOther, setCookie } from "./cookies";
import { isSameOriginRequest } from "./csrf";
import { LOGIN_TRANSACTION_SECONDS, openLoginTransaction, sealLoginTransaction } from "./login-transaction";
import { buildSignInRequest, oidcClientSecret, redeemCallback } from "./oidc";
import { requestInfoFrom } from "./request-info";
import { safeReturnTo } from "./return-to";
import { groupsFromClaims, roleFor } from "./roles";
import { hashSessionToken, LOGIN_COOKIE, newSessionToken, SESSION_COOKIE } from "./session-token";

// The sign-in flow behind app/auth/*: start (redirect to the IdP), callback (verify, open a session),
// sign-out (end the session). Failures land on /signin with a fixed code; details go to the audit log.

export type SignInErrorCode = "expired" | "denied" | "invalid" | "unavailable" | "disabled";

function baseUrl(request: Request): string {
  return getEnv().TENFOLD_URL ?? new URL(request.url).origin;
}

function failure(code: SignInErrorCode): Response {
  return seeOther(`/signin?error=${code}`, [clearCookie(LOGIN_COOKIE)]);
}

/** The library's message and the causes it wraps ("…: unexpected JWT "aud" (audience) claim value"), for the audit log. */
function describeOidcError(error: unknown): string {
  const parts: string[] = [];
  for (let current: unknown = error; current instanceof Error && parts.length < 4; current = current.cause) {
    parts.push(current.message);
  }
  const code = (error as { code?: unknown }).code;
  return `${parts.join(": ") || String(error)}${typeof code === "string" ? ` (${code})` : ""}`;
}

export async function startSignIn(request: Request): Promise<Response> {
  if (authMode(getEnv()) !== "oidc") return failure("disabled");
  const returnTo = safeReturnTo(new URL(request.url).searchParams.get("returnTo"));
  let signIn;
  try {
    signIn = await buildSignInRequest(`${baseUrl(request)}/auth/callback`);
  } catch (error) {
    console.error(`sign-in: the OIDC provider is unreachable or misconfigured: ${(error as Error).message}`);
    return failure("unavailable");
  }
  const sealed = sealLoginTransaction(
    { state: signIn.state, nonce: signIn.nonce, codeVerifier: signIn.codeVerifier, returnTo, expiresAt: Date.now() + LOGIN_TRANSACTION_SECONDS * 1000 },
    oidcClientSecret(),
  );
  return seeOther(signIn.url.href, [setCookie(LOGIN_COOKIE, sealed, LOGIN_TRANSACTION_SECONDS)]);
}

export async function finishSignIn(request: Request): Promise<Response> {
  const env = getEnv();
  if (authMode(env) !== "oidc") return failure("disabled");
  const incoming = new URL(request.url);
  const fail = async (code: SignInErrorCode, reason: string) => {
    await audit({ actor: "anonymous", action: "auth.sign_in", outcome: "denied", detail: { code, reason } }, request);
    return failure(code);
  };
  const transaction = openLoginTransaction(readCookie(request, LOGIN_COOKIE), oidcClientSecret());
  if (!transaction) return fail("expired", "no valid login transaction cookie (expired, tampered with, or another browser)");
  const providerError = incoming.searchParams.get("error");
  if (providerError) return fail("denied", `provider answered ${providerError}: ${incoming.searchParams.get("error_description") ?? ""}`.trim());

  const callbackUrl = new URL(`${baseUrl(request)}/auth/callback`);
  callbackUrl.search = incoming.search;
  let identity;
  try {
    identity = await redeemCallback(callbackUrl, transaction);
  } catch (error) {
    return fail("invalid", describeOidcError(error));
  }

  const { claims } = identity;
  const groups = groupsFromClaims(claims, env.TENFOLD_GROUPS_CLAIM);
  // An address the IdP says it has not verified must not grant ownership of accounts tagged with it.
  const email = typeof claims.email === "string" && claims.email_verified !== false ? claims.email.toLowerCase() : null;
  const name = typeof claims.name === "string" ? claims.name : null;
  const role = roleFor(groups, { adminGroups: env.TENFOLD_ADMIN_GROUPS, viewerGroups: env.TENFOLD_VIEWER_GROUPS });

  const db = await getDb();
  // Housekeeping where it is cheap: abandoned sessions would otherwise stay until someone replays them.
  await deleteExpiredSessions(db, new Date(), new Date(Date.now() - env.TENFOLD_SESSION_IDLE_MINUTES * 60_000));
  // A new sign-in never keeps a session that existed before it (fixation, or a shared browser).
  const previous = readCookie(request, SESSION_COOKIE);
  if (previous) await deleteSession(db, hashSessionToken(previous));
  const user = await upsertUser(db, { issuer: identity.issuer, subject: identity.subject, email, name, role, groups });
  const token = newSessionToken();
  const maxAgeSeconds = env.TENFOLD_SESSION_MAX_HOURS * 3600;
  const info = requestInfoFrom(request.headers);
  await insertSession(db, {
    tokenHash: hashSessionToken(token),
    userId: user.id,
    expiresAt: new Date(Date.now() + maxAgeSeconds * 1000),
    ip: info.ip,
    userAgent: info.userAgent,
  });
  await audit(
    { actor: email ?? `${identity.issuer}#${identity.subject}`, action: "auth.sign_in", outcome: "success", targetType: "user", targetId: user.id, detail: { role, groups } },
    request,
  );
  // Checked again on the way out: the sealed cookie may predate a stricter rule.
  return seeOther(safeReturnTo(transaction.returnTo), [clearCookie(LOGIN_COOKIE), setCookie(SESSION_COOKIE, token, maxAgeSeconds)]);
}

/** Ends the session for good (the row is deleted, so a copied cookie is dead too). POST, same-origin only. */
export async function signOut(request: Request, actor: string): Promise<Response> {
  if (!isSameOriginRequest(request, getEnv().TENFOLD_URL)) {
    return Response.json({ error: "cross-origin request refused" }, { status: 403 });
  }
  const token = readCookie(request, SESSION_COOKIE);
  if (token) {
    await deleteSession(await getDb(), hashSessionToken(token));
    await audit({ actor, action: "auth.sign_out", outcome: "success" }, request);
  }
  return seeOther("/signin?signedOut=1", [clearCookie(SESSION_COOKIE)]);
}
