import { createServer, type Socket } from "node:net";
import type { PGlite } from "@electric-sql/pglite";
import { PasswordHandshake } from "./pglite-auth";
import { scramVerifier } from "./scram";

// Serves one PGlite instance over the Postgres wire protocol to any number of connections.
// PGlite has a single backend session, so clients must take turns at the level of whole protocol
// exchanges: an extended-protocol batch (Parse … Sync) runs as one unit, or another client's Parse would
// replace its unnamed statement; and once a client opens a transaction, only that client runs until the
// transaction ends. (The pglite-socket package interleaves single messages, which breaks both under concurrency.)
// Sharing one session also shares its settings: when the turn passes to another client, the session's
// parameters and role go back to their defaults first, so one client's `SET search_path = ''` (or SET ROLE)
// cannot break every other client. That makes settings last for a client's turn (a statement, a batch or a
// transaction), as behind a transaction-mode pooler: use SET LOCAL inside a transaction. DISCARD ALL is not
// used: it would also drop the session advisory locks (migrations, retention) and pg-boss's LISTEN.
// Every client must first prove it knows the server's password (SCRAM-SHA-256, see pglite-auth.ts).

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_3 = 196608;

class TurnLock {
  private holder: object | null = null;
  private waiters: { client: object; wake: () => void }[] = [];

  async acquire(client: object): Promise<void> {
    if (this.holder === null || this.holder === client) {
      this.holder = client;
      return;
    }
    await new Promise<void>((wake) => this.waiters.push({ client, wake }));
  }

  release(client: object): void {
    if (this.holder !== client) return;
    const next = this.waiters.shift();
    this.holder = next?.client ?? null;
    next?.wake();
  }

  forget(client: object): void {
    this.waiters = this.waiters.filter((waiter) => waiter.client !== client);
  }

  holds(client: object): boolean {
    return this.holder === client;
  }
}

/** A simple-protocol Query message. */
function simpleQuery(sql: string): Uint8Array {
  const text = Buffer.from(`${sql}\0`, "utf8");
  const message = Buffer.alloc(5 + text.length);
  message.write("Q", 0, "latin1");
  message.writeInt32BE(4 + text.length, 1);
  text.copy(message, 5);
  return message;
}

/** The transaction status of the last ReadyForQuery ('Z') message in a backend reply: I, T or E. */
export function lastTransactionStatus(reply: Uint8Array[]): string | null {
  for (let index = reply.length - 1; index >= 0; index--) {
    const chunk = reply[index]!;
    for (let offset = chunk.length - 6; offset >= 0; offset--) {
      if (chunk[offset] === 0x5a && chunk[offset + 1] === 0 && chunk[offset + 2] === 0 && chunk[offset + 3] === 0 && chunk[offset + 4] === 5) {
        return String.fromCharCode(chunk[offset + 5]!);
      }
    }
  }
  return null;
}

/** Splits buffered client bytes into complete messages; returns the messages and the leftover bytes. */
export function splitMessages(buffer: Buffer, started: boolean): { messages: Buffer[]; rest: Buffer; startup: Buffer[] } {
  const messages: Buffer[] = [];
  const startup: Buffer[] = [];
  let offset = 0;
  let inStartup = !started;
  while (buffer.length - offset >= 5) {
    if (inStartup) {
      const length = buffer.readInt32BE(offset);
      if (buffer.length - offset < length) break;
      startup.push(buffer.subarray(offset, offset + length));
      offset += length;
      const code = length >= 8 ? buffer.readInt32BE(offset - length + 4) : 0;
      if (code === PROTOCOL_3) inStartup = false;
      continue;
    }
    const length = buffer.readInt32BE(offset + 1);
    if (buffer.length - offset < length + 1) break;
    messages.push(buffer.subarray(offset, offset + length + 1));
    offset += length + 1;
  }
  return { messages, rest: buffer.subarray(offset), startup };
}

/** Run before another client's turn: the settings and role of the previous client do not carry over. */
const RESET_SESSION = simpleQuery("SET SESSION AUTHORIZATION DEFAULT; RESET ALL");

export async function servePglite(db: PGlite, options: { host: string; port: number; password: string }): Promise<{ port: number; close: () => Promise<void> }> {
  const lock = new TurnLock();
  const sockets = new Set<Socket>();
  const verifier = scramVerifier(options.password);
  let lastClient: object | null = null;

  // Runs one unit of work for a client; keeps the turn while the client's transaction stays open.
  async function runTurn(client: object, socket: Socket, messages: Uint8Array[]): Promise<void> {
    await lock.acquire(client);
    const reply: Uint8Array[] = [];
    try {
      await db.runExclusive(async () => {
        // The turn only changes hands between transactions, so the reset never lands inside one.
        if (lastClient !== null && lastClient !== client) await db.execProtocolRawStream(RESET_SESSION, { onRawData: () => undefined });
        lastClient = client;
        for (const message of messages) {
          await db.execProtocolRawStream(message, {
            onRawData: (chunk) => {
              reply.push(chunk);
              if (socket.writable) socket.write(chunk);
            },
          });
        }
      });
    } finally {
      const status = lastTransactionStatus(reply);
      if (status === "I" || status === null) lock.release(client);
    }
  }

  const server = createServer((socket) => {
    sockets.add(socket);
    socket.setNoDelay(true);
    const client = {};
    let buffer: Buffer = Buffer.alloc(0);
    let started = false;
    // The startup packet waits until the password exchange succeeds; then the backend answers it.
    const handshake = new PasswordHandshake(verifier);
    let startupPacket: Buffer | null = null;
    let authenticated = false;
    let refused = false;
    let pending: Buffer[] = [];
    let chain = Promise.resolve();

    const enqueue = (messages: Uint8Array[]) => {
      chain = chain
        .then(() => runTurn(client, socket, messages))
        .catch(() => {
          socket.destroy();
        });
    };

    socket.on("data", (data: Buffer) => {
      if (refused) return;
      buffer = buffer.length ? Buffer.concat([buffer, data]) : data;
      const split = splitMessages(buffer, started);
      buffer = Buffer.from(split.rest);
      for (const message of split.startup) {
        const code = message.length >= 8 ? message.readInt32BE(4) : 0;
        // No TLS or GSSAPI encryption on loopback: "N", and the client carries on in the clear (psql asks first).
        if (code === SSL_REQUEST || code === GSSENC_REQUEST) socket.write("N");
        else if (code === CANCEL_REQUEST) socket.end();
        else if (code === PROTOCOL_3) {
          started = true;
          startupPacket = Buffer.from(message);
          socket.write(handshake.begin());
        }
      }
      for (const message of split.messages) {
        if (!authenticated) {
          const step = handshake.step(message);
          for (const reply of step.reply) socket.write(reply);
          if (step.outcome === "refused") {
            refused = true;
            socket.end();
            return;
          }
          if (step.outcome === "authenticated" && startupPacket) {
            authenticated = true;
            enqueue([startupPacket]);
          }
          continue;
        }
        const type = String.fromCharCode(message[0]!);
        if (type === "X") {
          socket.end();
          continue;
        }
        pending.push(message);
        // A simple query is a unit by itself; an extended exchange ends with Sync (or an explicit Flush).
        if (type === "Q" || type === "S" || type === "H") {
          enqueue(pending);
          pending = [];
        }
      }
    });

    const cleanup = () => {
      sockets.delete(socket);
      lock.forget(client);
      // A client that vanished inside its transaction must not block everyone else.
      chain = chain.then(async () => {
        if (!lock.holds(client)) return;
        try {
          await db.runExclusive(() => db.execProtocolRawStream(simpleQuery("ROLLBACK"), { onRawData: () => undefined }));
        } finally {
          lock.release(client);
        }
      });
    };
    socket.on("close", cleanup);
    socket.on("error", () => socket.destroy());
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, resolve);
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return {
    port,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
