import { randomBytes } from "node:crypto";
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { servePglite } from "./pglite-server";

// The embedded default: PGlite keeps its data in a local folder and is served over the Postgres wire
// protocol on loopback, so every process (web server, CLI, workers, pg-boss) uses the same node-postgres
// path as a real server. A data folder may be opened by one process only: the owner writes a lock file
// naming its pid and port, and every other process connects to that port instead of opening the folder.
// The port is open to every local user, so the server asks for a password: a fresh random one per start,
// written into the lock file, which only the owner's OS user may read (mode 0600, in a folder created 0700).
// Whoever can read it could as well open the data folder itself.

export type EmbeddedHandle = { url: string; stop: () => Promise<void> };

export type LockInfo = { pid: number; port: number; startedAt: string; password?: string };

export function lockFilePath(dataDir: string): string {
  return path.join(dataDir, "tenfold-db.lock.json");
}

/** The URL of a running embedded server, its password included (never print it). */
export function embeddedUrl(lock: Pick<LockInfo, "port" | "password">): string {
  const credentials = lock.password ? `postgres:${encodeURIComponent(lock.password)}` : "postgres";
  return `postgres://${credentials}@127.0.0.1:${lock.port}/postgres`;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The lock of a live owner process, or undefined when the folder is free (a stale lock is removed). */
export function readLiveLock(dataDir: string): LockInfo | undefined {
  const file = lockFilePath(dataDir);
  if (!existsSync(file)) return undefined;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    // Another OS user's lock: not ours to remove, and its password is not ours to read.
    throw new Error(`cannot read ${file} (${(error as NodeJS.ErrnoException).code}): run Tenfold as the user that owns ${dataDir}.`);
  }
  try {
    const info = JSON.parse(text) as LockInfo;
    if (processAlive(info.pid)) return info;
  } catch {
    // A half-written lock from a crashed owner: treat it as stale.
  }
  rmSync(file, { force: true });
  return undefined;
}

/** Opens the PGlite folder (or memory when dataDir is null) and serves it on 127.0.0.1. */
export async function startEmbeddedPostgres(options: {
  dataDir: string | null;
  port?: number;
}): Promise<EmbeddedHandle> {
  const { dataDir } = options;
  let lockFd: number | undefined;
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    // A folder from before, or made by hand: the database files are no one else's business either.
    try {
      chmodSync(dataDir, 0o700);
    } catch {
      // Not this user's folder to change (a mounted volume): the lock file's own mode still guards the password.
    }
    const owner = readLiveLock(dataDir);
    if (owner) {
      throw new Error(
        `The embedded database in ${dataDir} is already open in process ${owner.pid} on port ${owner.port}; connect through it (its URL and password are in ${lockFilePath(dataDir)}).`,
      );
    }
    // "wx" fails if another process created the lock between our check and now; 0600: it holds the password.
    lockFd = openSync(lockFilePath(dataDir), "wx", 0o600);
  }
  try {
    const db = await PGlite.create(dataDir ? path.join(dataDir, "pglite") : undefined);
    const password = randomBytes(32).toString("base64url");
    const server = await servePglite(db, { host: "127.0.0.1", port: options.port ?? 0, password });
    const port = server.port;
    if (lockFd !== undefined) {
      const info: LockInfo = { pid: process.pid, port, startedAt: new Date().toISOString(), password };
      writeSync(lockFd, JSON.stringify(info));
      closeSync(lockFd);
      lockFd = undefined;
    }
    let stopped = false;
    return {
      url: embeddedUrl({ port, password }),
      stop: async () => {
        if (stopped) return;
        stopped = true;
        await server.close();
        await db.close();
        if (dataDir) rmSync(lockFilePath(dataDir), { force: true });
      },
    };
  } catch (error) {
    if (lockFd !== undefined) closeSync(lockFd);
    if (dataDir) rmSync(lockFilePath(dataDir), { force: true });
    throw error;
  }
}
