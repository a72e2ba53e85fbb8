// A Playwright web server's throwaway embedded database, reached through the process that owns it, so specs
// can seed data through the real writers and read what the server wrote. Never opens the folder itself.
import { connect, type Db } from "@/db/client";
import { embeddedUrl, readLiveLock } from "@/db/embedded";

export async function withServerDb<T>(dataDir: string, run: (db: Db) => Promise<T>): Promise<T> {
  const owner = readLiveLock(dataDir);
  if (!owner) throw new Error(`no Tenfold server owns ${dataDir}; is its web server running?`);
  const connection = connect(embeddedUrl(owner), { max: 2 });
  try {
    return await run(connection.db);
  } finally {
    await connection.close();
  }
}
