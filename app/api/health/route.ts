// GET /api/health — liveness and database reachability for load balancers and the test harness; no data.
import { noStore } from "@/lib/auth/no-store";
import { checkDatabase } from "@/lib/db/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const database = await checkDatabase();
  return noStore(Response.json({ status: database ? "ok" : "degraded", database }, { status: database ? 200 : 503 }));
}
