// Year-long trend queries through the real data layer (lib/db/trends.ts), timed in-process: median and
// max of `n` calls after one warm-up, for an admin (org_daily), an owner of a fifth of the accounts (the
// per-account rollups, aggregated) and one account. Run with --conditions=react-server (lib/db is
// server-only). Prints one JSON line.
//   node --conditions=react-server --import tsx bench/trend-timing.ts <database-url> <owner-email> <account-id> [n]
import { connect } from "@/db/client";
import type { Viewer } from "@/lib/auth/viewer";
import { getAccountTrend, getOrgTrend } from "@/lib/db/trends";

const [url = "", owner = "", accountId = "", nArg = "30"] = process.argv.slice(2);
const n = Number(nArg);
const connection = connect(url, { max: 2 });
const admin: Viewer = { id: "bench", email: null, name: "bench", role: "admin", ownerValues: [], ouPrefixes: [], demo: false };
const ownerViewer: Viewer = { ...admin, email: owner, role: "owner", ownerValues: [owner.toLowerCase()] };

async function time(fn: () => Promise<unknown>): Promise<{ p50: number; max: number; rows: number }> {
  const first = await fn();
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  const rows = Array.isArray(first) ? first.length : ((first as { scores?: unknown[] }).scores?.length ?? 0);
  return { p50: samples[Math.floor(n / 2)] ?? NaN, max: samples[n - 1] ?? NaN, rows };
}

const out = {
  "org trend, 365 days (admin: org_daily)": await time(() => getOrgTrend(admin, 365, connection.db)),
  "org trend, 365 days (owner of 1/5 of the accounts: owner_daily)": await time(() => getOrgTrend(ownerViewer, 365, connection.db)),
  // What the overview reads by default (its 90-day range and sparklines, +1 day: trendDaysFor).
  "org trend, 91 days (owner of 1/5 of the accounts)": await time(() => getOrgTrend(ownerViewer, 91, connection.db)),
  "account trend, 365 days": await time(() => getAccountTrend(accountId, 365, connection.db)),
};
console.log(JSON.stringify(out));
await connection.close();
