import "server-only";
import * as client from "openid-client";
import { getEnv, type Env } from "@/lib/env";

// OpenID Connect authorization code flow with PKCE (S256), state and nonce, via openid-client.
// The library validates iss, aud, azp, exp, iat, nonce and the ID token signature; PKCE is checked
// by the provider against the verifier we send with the code.

let discovered: Promise<client.Configuration> | undefined;

function oidcSettings(env: Env) {
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) throw new Error("OIDC is not configured");
  return { issuer: env.OIDC_ISSUER, clientId: env.OIDC_CLIENT_ID, clientSecret: env.OIDC_CLIENT_SECRET };
}

export function getOidcConfig(): Promise<client.Configuration> {
  if (!discovered) {
    const { issuer, clientId, clientSecret } = oidcSettings(getEnv());
    const url = new URL(issuer);
    // env.ts allows http:// only for an issuer on loopback (the tests' local provider).
    const execute = url.protocol === "http:" ? [client.allowInsecureRequests] : [];
    discovered = client.discovery(url, clientId, undefined, client.ClientSecretBasic(clientSecret), { execute, timeout: 10 });
    // A provider that was down at first use must not stay broken until restart.
    discovered.catch(() => (discovered = undefined));
  }
  return discovered;
}

export function oidcClientSecret(): string {
  return oidcSettings(getEnv()).clientSecret;
}

export async function buildSignInRequest(redirectUri: string) {
  const config = await getOidcConfig();
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: getEnv().OIDC_SCOPES,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state,
    nonce,
  });
  return { url, state, nonce, codeVerifier };
}

export type VerifiedIdentity = { issuer: string; subject: string; claims: Record<string, unknown> };

/**
 * Redeems the code from the callback and returns the verified identity. `callbackUrl` is the
 * configured redirect URI plus the callback's query, so the token request names exactly the
 * registered redirect URI whatever Host header reached us.
 */
export async function redeemCallback(
  callbackUrl: URL,
  checks: { state: string; nonce: string; codeVerifier: string },
): Promise<VerifiedIdentity> {
  const config = await getOidcConfig();
  const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
    pkceCodeVerifier: checks.codeVerifier,
    expectedState: checks.state,
    expectedNonce: checks.nonce,
    idTokenExpected: true,
  });
  const idClaims = tokens.claims();
  if (!idClaims) throw new Error("the provider returned no ID token");
  let claims: Record<string, unknown> = { ...idClaims };
  // Some providers put email and groups only in userinfo; the ID token wins where both speak.
  if (config.serverMetadata().userinfo_endpoint && tokens.access_token) {
    const userInfo = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
    claims = { ...userInfo, ...claims };
  }
  return { issuer: idClaims.iss, subject: idClaims.sub, claims };
}
