// The password exchange of the embedded server, on the wire: after the startup packet the server asks for
// SCRAM-SHA-256 and lets the client on only once it has proved it knows the secret (Postgres's own flow:
// AuthenticationSASL, SASLContinue, SASLFinal; the backend's AuthenticationOk follows). Anything else, a
// wrong proof included, gets a FATAL 28P01 and the connection is closed.
import { ScramExchange, type ScramVerifier } from "./scram";

const MECHANISM = "SCRAM-SHA-256";

function authentication(code: number, data = ""): Buffer {
  const body = Buffer.from(data, "utf8");
  const message = Buffer.alloc(9 + body.length);
  message.write("R", 0, "latin1");
  message.writeInt32BE(8 + body.length, 1);
  message.writeInt32BE(code, 5);
  body.copy(message, 9);
  return message;
}

/** A FATAL ErrorResponse: severity, SQLSTATE and message, as a backend would send it. */
export function fatalError(code: string, text: string): Buffer {
  const fields = Buffer.from(`SFATAL\0VFATAL\0C${code}\0M${text}\0\0`, "utf8");
  const message = Buffer.alloc(5 + fields.length);
  message.write("E", 0, "latin1");
  message.writeInt32BE(4 + fields.length, 1);
  fields.copy(message, 5);
  return message;
}

/** The SASL payload of a client 'p' message: SASLInitialResponse (mechanism, length, data) or SASLResponse. */
function saslPayload(message: Buffer, initial: boolean): { mechanism?: string; data: string } | null {
  if (message[0] !== 0x70) return null;
  if (!initial) return { data: message.subarray(5).toString("utf8") };
  const end = message.indexOf(0, 5);
  if (end < 0 || end + 5 > message.length) return null;
  const length = message.readInt32BE(end + 1);
  const data = message.subarray(end + 5);
  if (length !== data.length) return null;
  return { mechanism: message.subarray(5, end).toString("utf8"), data: data.toString("utf8") };
}

export type HandshakeStep = { reply: Buffer[]; outcome: "continue" | "authenticated" | "refused" };

const refused = (): HandshakeStep => ({ reply: [fatalError("28P01", "password authentication failed: the embedded database needs the password in its lock file")], outcome: "refused" });

/** One connection's password exchange; begin() after the startup packet, then step() per client message. */
export class PasswordHandshake {
  private readonly exchange: ScramExchange;
  private stage: "initial" | "final" | "over" = "initial";

  constructor(verifier: ScramVerifier) {
    this.exchange = new ScramExchange(verifier);
  }

  /** AuthenticationSASL: the mechanisms the server accepts (a list ended by an empty name). */
  begin(): Buffer {
    return authentication(10, `${MECHANISM}\0\0`);
  }

  step(message: Buffer): HandshakeStep {
    const stage = this.stage;
    this.stage = "over";
    const payload = stage === "over" ? null : saslPayload(message, stage === "initial");
    if (!payload) return refused();
    if (stage === "initial") {
      const serverFirst = payload.mechanism === MECHANISM ? this.exchange.first(payload.data) : null;
      if (!serverFirst) return refused();
      this.stage = "final";
      return { reply: [authentication(11, serverFirst)], outcome: "continue" };
    }
    const serverFinal = this.exchange.final(payload.data);
    return serverFinal ? { reply: [authentication(12, serverFinal)], outcome: "authenticated" } : refused();
  }
}
