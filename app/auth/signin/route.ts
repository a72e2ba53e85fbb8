// GET /auth/signin?returnTo=/path — start the OIDC sign-in: seal state, nonce and PKCE verifier in a cookie; 303 to the IdP.
import { startSignIn } from "@/lib/auth/sign-in";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return startSignIn(request);
}
