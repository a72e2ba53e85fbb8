import { hostname } from "node:os";

/** Identifies this process in snapshots and logs, so an operator can tell which worker scanned what. */
export const WORKER_ID = `${hostname()}:${process.pid}`;
