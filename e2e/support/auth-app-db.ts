// The OIDC-configured Tenfold's throwaway database, reached through the process that owns it, so
// specs can seed accounts and read the audit log. Never opens the folder itself.
import { connect, type Db } from "@/db/client";
import { embeddedUrl, readLiveLock } from "@/db/embedded";
import { AUTH_APP_DATA_DIR } from "./oidc-users";

export async function withAuthAppDb<T>(run: (db: Db) => Promise<T>): Promise<T> {
  const owner = readLiveLock(AUTH_APP_DATA_DIR);
  if (!owner) throw new Error(`no Tenfold server owns ${AUTH_APP_DATA_DIR}; is the "auth" web server running?`);
  const connection = connect(embeddedUrl(owner.port), { max: 2 });
  try {
    return await run(connection.db);
  } finally {
    await connection.close();
  }
}
