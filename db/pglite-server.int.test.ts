import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedHandle } from "./embedded";

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
});
