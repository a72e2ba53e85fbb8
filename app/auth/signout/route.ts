// POST /auth/signout — delete the session and its cookie (same-origin form post only); 303 to /signin.
import { actorOf } from "@/lib/auth/audit";
import { signOut } from "@/lib/auth/sign-in";
import { getViewer } from "@/lib/auth/viewer";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  return signOut(request, actorOf(await getViewer()));
}
