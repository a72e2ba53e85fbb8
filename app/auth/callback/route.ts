// GET /auth/callback?code&state — the IdP's redirect: verify code, ID token and transaction; open a session; 303 back.
import { finishSignIn } from "@/lib/auth/sign-in";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return finishSignIn(request);
}
