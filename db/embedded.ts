import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { servePglite } from "./pglite-server";

// The embedded default: PGlite keeps its data in a local folder and is served over the Postgres wire
// protocol on loopback, so every process (web server, CLI, workers, pg-boss) uses the same node-postgres
// path as a real server. A data folder may be opened by one process only: the owner writes a lock file
// naming its pid and port, and every other process connects to that port instead of opening the folder.

export type EmbeddedHandle = { url: string; stop: () => Promise<void> };

type LockInfo = { pid: number; port: number; startedAt: string };

export function lockFilePath(dataDir: string): string {
  return path.join(dataDir, "tenfold-db.lock.json");
}

export function embeddedUrl(port: number): string {
  return `postgres://postgres@127.0.0.1:${port}/postgres`;
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
  try {
    const info = JSON.parse(readFileSync(file, "utf8")) as LockInfo;
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
    mkdirSync(dataDir, { recursive: true });
    const owner = readLiveLock(dataDir);
    if (owner) {
      throw new Error(
        `The embedded database in ${dataDir} is already open in process ${owner.pid}; connect to ${embeddedUrl(owner.port)} instead.`,
      );
    }
    // "wx" fails if another process created the lock between our check and now.
    lockFd = openSync(lockFilePath(dataDir), "wx");
  }
  try {
    const db = await PGlite.create(dataDir ? path.join(dataDir, "pglite") : undefined);
    const server = await servePglite(db, { host: "127.0.0.1", port: options.port ?? 0 });
    const port = server.port;
    if (lockFd !== undefined) {
      const info: LockInfo = { pid: process.pid, port, startedAt: new Date().toISOString() };
      writeSync(lockFd, JSON.stringify(info));
      closeSync(lockFd);
      lockFd = undefined;
    }
    let stopped = false;
    return {
      url: embeddedUrl(port),
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
