import type { PgBoss } from "pg-boss";
import type { Db } from "@/db/client";
import type { ScoringConfig } from "@/lib/scoring/config";
import type { ScannerAws } from "./aws-port";

/** Everything a scan job needs, built once per process by lib/scan/bootstrap. */
export type ScanRuntime = {
  db: Db;
  boss: PgBoss;
  aws: ScannerAws;
  scoring: ScoringConfig;
  /** Account tag whose value names the account's owner (TENFOLD_OWNER_TAG). */
  ownerTag: string;
  accountTimeoutMs: number;
  /** TENFOLD_EXCEPTION_MAX_DAYS: caps how long the exception a resource tag asks for may run. */
  exceptionMaxDays: number;
  /** Accounts scanned at once by this process (TENFOLD_SCAN_CONCURRENCY). */
  concurrency: number;
  /** Called, not awaited, once a scan this process finalised is finished (notifications). */
  onScanFinished?: (scanId: string) => void | Promise<void>;
};
