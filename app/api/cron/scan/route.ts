// POST /api/cron/scan — enqueue one org scan for a scheduler outside Tenfold; 202 + scan id.
import { z } from "zod";
import { rejectUnlessCron } from "@/lib/auth/cron-guard";
import { noStore } from "@/lib/auth/no-store";
import { getDb } from "@/lib/db/connection";
import { getJobClient } from "@/lib/scan/job-client";
import { requestScan } from "@/lib/scan/request-scan";

export const dynamic = "force-dynamic";

// An external scheduler may name its slot so a retried call cannot start a second scan.
const querySchema = z.object({ slot: z.string().min(1).max(100).optional() });

export async function POST(request: Request) {
  const rejected = await rejectUnlessCron(request);
  if (rejected) return rejected;
  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) {
    const issue = query.error.issues[0];
    return noStore(Response.json({ error: `invalid query: ${issue?.path.join(".") ?? ""}: ${issue?.message ?? "bad input"}` }, { status: 400 }));
  }
  const [db, boss] = await Promise.all([getDb(), getJobClient()]);
  const { scanId, created } = await requestScan({ db, boss }, { trigger: "cron", slot: query.data.slot, requestedBy: "cron" });
  return noStore(Response.json({ scanId, created }, { status: 202 }));
}
