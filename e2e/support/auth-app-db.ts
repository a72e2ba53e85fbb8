// The OIDC-configured Tenfold's throwaway database, reached through the process that owns it, so
// specs can seed accounts and read the audit log.
import type { Db } from "@/db/client";
import { AUTH_APP_DATA_DIR } from "./oidc-users";
import { withServerDb } from "./server-db";

export const withAuthAppDb = <T>(run: (db: Db) => Promise<T>): Promise<T> => withServerDb(AUTH_APP_DATA_DIR, run);
