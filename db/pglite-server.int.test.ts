import { connect as connectSocket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedHandle } from "./embedded";

/** The URL without its password, or with another one. */
function withPassword(url: string, password: string): string {
  const parsed = new URL(url);
  parsed.password = password;
  return parsed.toString();
}

/**
 * A client that skips the password exchange: GSSAPI-encryption request (as psql sends first), startup
 * packet, then straight to a query. Returns all it got back.
 */
async function rawStartupThenQuery(port: number): Promise<Buffer> {
  const gssEncRequest = Buffer.alloc(8);
  gssEncRequest.writeInt32BE(8, 0);
  gssEncRequest.writeInt32BE(80877104, 4);
  const params = Buffer.from("user\0postgres\0database\0postgres\0\0");
  const startup = Buffer.alloc(8);
  startup.writeInt32BE(8 + params.length, 0);
  startup.writeInt32BE(196608, 4);
  const sql = Buffer.from("select 'leaked' as secret\0");
  const query = Buffer.alloc(5);
  query.write("Q", 0, "latin1");
  query.writeInt32BE(4 + sql.length, 1);
  return await new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connectSocket(port, "127.0.0.1", () => socket.write(Buffer.concat([gssEncRequest, startup, params, query, sql])));
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("error", reject);
    socket.on("close", () => resolve(Buffer.concat(chunks)));
    setTimeout(() => socket.destroy(), 5_000);
  });
}

// Many connections share PGlite's single session: batches and transactions must not interleave.
describe("embedded PGlite over loopback", () => {
  let handle: EmbeddedHandle;
  let pool: pg.Pool;
  beforeAll(async () => {
    handle = await startEmbeddedPostgres({ dataDir: null });
    pool = new pg.Pool({ connectionString: handle.url, max: 8 });
    await pool.query("create table counters (id int primary key, n int not null)");
    await pool.query("insert into counters values (1, 0)");
  });
  afterAll(async () => {
    await pool.end();
    await handle.stop();
  });

  it("runs concurrent parameterised queries from many connections without mixing them up", async () => {
    const results = await Promise.all(Array.from({ length: 200 }, (_, index) => pool.query("select $1::int * 2 as doubled", [index])));
    expect(results.map((result) => result.rows[0].doubled)).toEqual(Array.from({ length: 200 }, (_, index) => index * 2));
  });

  it("isolates a transaction from other connections until it ends", async () => {
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        const client = await pool.connect();
        try {
          await client.query("begin");
          const { rows } = await client.query("select n from counters where id = $1", [1]);
          await new Promise((resolve) => setTimeout(resolve, 2));
          await client.query("update counters set n = $1 where id = $2", [rows[0].n + 1, 1]);
          await client.query("commit");
        } finally {
          client.release();
        }
      }),
    );
    const { rows } = await pool.query("select n from counters where id = 1");
    expect(rows[0].n).toBe(20);
  });

  it("rolls back the transaction of a client that disconnects, and carries on", async () => {
    const client = new pg.Client({ connectionString: handle.url });
    await client.connect();
    await client.query("begin");
    await client.query("update counters set n = -1 where id = 1");
    await client.end();
    const { rows } = await pool.query("select n from counters where id = 1");
    expect(rows[0].n).toBe(20);
  });

  it("refuses a client without the password, or with a wrong one, and lets the right one in", async () => {
    const port = Number(new URL(handle.url).port);
    expect(new URL(handle.url).password.length).toBeGreaterThanOrEqual(32);
    const attempt = async (url: string) => {
      const client = new pg.Client({ connectionString: url });
      try {
        await client.connect();
        return (await client.query("select count(*)::int as n from counters")).rows[0].n as number;
      } finally {
        await client.end().catch(() => undefined);
      }
    };
    await expect(attempt(`postgres://postgres@127.0.0.1:${port}/postgres`)).rejects.toThrow(/password/);
    await expect(attempt(withPassword(handle.url, "guessed"))).rejects.toMatchObject({ code: "28P01" });
    expect(await attempt(handle.url)).toBe(1);
  });

  it("answers a client that skips the password exchange with FATAL 28P01, never with data", async () => {
    const reply = await rawStartupThenQuery(Number(new URL(handle.url).port));
    expect(String.fromCharCode(reply[0]!)).toBe("N"); // no GSSAPI encryption: carry on in the clear
    expect(String.fromCharCode(reply[1]!)).toBe("R");
    expect(reply.readInt32BE(6)).toBe(10); // AuthenticationSASL
    expect(reply.toString("latin1")).toContain("C28P01");
    expect(reply.toString("latin1")).not.toContain("leaked");
  });

  it("does not let one client's session settings or role reach another client", async () => {
    const a = new pg.Client({ connectionString: handle.url });
    const b = new pg.Client({ connectionString: handle.url });
    await a.connect();
    await b.connect();
    try {
      await a.query("set search_path = ''");
      await a.query("set datestyle = 'SQL, DMY'");
      await a.query("select set_config('statement_timeout', '1', false)");
      await a.query("create role tenfold_probe_role nologin");
      await a.query("set role tenfold_probe_role");
      // B runs between A's statements, as the pool interleaves them.
      const { rows } = await b.query("select n, current_user as who, current_setting('DateStyle') as style, current_setting('statement_timeout') as timeout from counters where id = 1");
      expect(rows).toEqual([{ n: 20, who: "postgres", style: "ISO, MDY", timeout: "0" }]);
      // Inside a transaction the client keeps the turn, so SET LOCAL holds until the transaction ends.
      await a.query("begin");
      await a.query("set local search_path = ''");
      const during = b.query("select n from counters where id = 1");
      expect((await a.query("select current_setting('search_path') as path")).rows[0].path).toBe('""');
      await a.query("commit");
      expect((await during).rows[0].n).toBe(20);
    } finally {
      await a.end();
      await b.end();
    }
  });
});
