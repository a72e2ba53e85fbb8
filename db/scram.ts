// The server side of SCRAM-SHA-256 (RFC 5802, RFC 7677), as Postgres speaks it, for the embedded server:
// the password never crosses the socket, and node-postgres, psql and every libpq client support it.
// Only what Postgres itself offers without TLS: no channel binding, the user name taken from the startup
// packet (clients send "n=*").
import { createHash, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from "node:crypto";

/** Postgres's default scram_iterations. */
const ITERATIONS = 4096;

export type ScramVerifier = { salt: Buffer; iterations: number; storedKey: Buffer; serverKey: Buffer };

const hmac = (key: Buffer, text: string) => createHmac("sha256", key).update(text).digest();

/** What the server keeps instead of the password (computed once per server start). */
export function scramVerifier(password: string, salt = randomBytes(16), iterations = ITERATIONS): ScramVerifier {
  const salted = pbkdf2Sync(password.normalize("NFKC"), salt, iterations, 32, "sha256");
  return { salt, iterations, storedKey: createHash("sha256").update(hmac(salted, "Client Key")).digest(), serverKey: hmac(salted, "Server Key") };
}

/** "a=1,b=2" → {a: "1", b: "2"} (values may contain "="). */
function attributes(text: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of text.split(",")) {
    const at = part.indexOf("=");
    if (at === 1) map.set(part[0]!, part.slice(2));
  }
  return map;
}

/** One client's exchange: first() answers the client-first message, final() checks the proof. */
export class ScramExchange {
  private clientFirstBare = "";
  private serverFirst = "";
  private nonce = "";
  private gs2Header = "";

  /** serverNonce: fixed only in tests (RFC 7677's example); otherwise 18 random bytes per exchange. */
  constructor(
    private readonly verifier: ScramVerifier,
    private readonly serverNonce = randomBytes(18).toString("base64"),
  ) {}

  /** The server-first message, or null when the client-first message is malformed or asks for channel binding. */
  first(clientFirst: string): string | null {
    const match = /^([ny]),(a=[^,]*)?,(.*)$/.exec(clientFirst);
    if (!match) return null;
    this.gs2Header = `${match[1]},${match[2] ?? ""},`;
    this.clientFirstBare = match[3]!;
    const clientNonce = attributes(this.clientFirstBare).get("r");
    if (!clientNonce || !/^[\x21-\x2b\x2d-\x7e]+$/.test(clientNonce)) return null;
    this.nonce = clientNonce + this.serverNonce;
    this.serverFirst = `r=${this.nonce},s=${this.verifier.salt.toString("base64")},i=${this.verifier.iterations}`;
    return this.serverFirst;
  }

  /** The server-final message ("v=…") when the client proved it knows the password, else null. */
  final(clientFinal: string): string | null {
    if (!this.serverFirst) return null;
    const proofAt = clientFinal.lastIndexOf(",p=");
    if (proofAt < 0) return null;
    const withoutProof = clientFinal.slice(0, proofAt);
    const fields = attributes(withoutProof);
    if (fields.get("c") !== Buffer.from(this.gs2Header).toString("base64") || fields.get("r") !== this.nonce) return null;
    const proof = Buffer.from(clientFinal.slice(proofAt + 3), "base64");
    const authMessage = `${this.clientFirstBare},${this.serverFirst},${withoutProof}`;
    const signature = hmac(this.verifier.storedKey, authMessage);
    if (proof.length !== signature.length) return null;
    const clientKey = Buffer.from(proof.map((byte, index) => byte ^ signature[index]!));
    const storedKey = createHash("sha256").update(clientKey).digest();
    if (!timingSafeEqual(storedKey, this.verifier.storedKey)) return null;
    return `v=${hmac(this.verifier.serverKey, authMessage).toString("base64")}`;
  }
}
