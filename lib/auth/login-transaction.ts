import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

// The login transaction (state, nonce, PKCE verifier, return path) rides in a short-lived cookie,
// sealed with AES-256-GCM under a key derived from the OIDC client secret: only this server can
// read or forge it, and no table fills up with abandoned sign-ins.
export type LoginTransaction = { state: string; nonce: string; codeVerifier: string; returnTo: string; expiresAt: number };

export const LOGIN_TRANSACTION_SECONDS = 600;

function keyFrom(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "tenfold", "login-transaction-v1", 32));
}

export function sealLoginTransaction(transaction: LoginTransaction, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFrom(secret), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(transaction), "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

/** The transaction, or null when the cookie is missing, tampered with, sealed by another key or expired. */
export function openLoginTransaction(sealed: string | undefined, secret: string, now = Date.now()): LoginTransaction | null {
  if (!sealed) return null;
  try {
    const raw = Buffer.from(sealed, "base64url");
    const decipher = createDecipheriv("aes-256-gcm", keyFrom(secret), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    const json = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
    const parsed = JSON.parse(json) as Partial<LoginTransaction>;
    if (
      typeof parsed.state !== "string" ||
      typeof parsed.nonce !== "string" ||
      typeof parsed.codeVerifier !== "string" ||
      typeof parsed.returnTo !== "string" ||
      typeof parsed.expiresAt !== "number" ||
      parsed.expiresAt <= now
    ) {
      return null;
    }
    return parsed as LoginTransaction;
  } catch {
    return null;
  }
}
