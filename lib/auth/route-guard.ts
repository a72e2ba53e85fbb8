import "server-only";
import { ZodError } from "zod";
import { getEnv } from "@/lib/env";
import { actorOf, audit } from "./audit";
import { isSafeMethod, isSameOriginRequest } from "./csrf";
import { noStore } from "./no-store";
import { ForbiddenError, NotFoundError, OutOfScopeError, PayloadTooLargeError, UnauthorizedError, ValidationError } from "./errors";
import { getViewer, type Role, type Viewer } from "./viewer";

/**
 * The one mapping from typed errors to HTTP answers for route handlers. Fixed messages for the
 * browser; details go to the log. Denied access (403, or 404 outside the viewer's scope) is audited.
 */
export async function errorResponse(error: unknown, request: Request, viewer: Viewer | null): Promise<Response> {
  if (error instanceof UnauthorizedError) return Response.json({ error: "unauthorized" }, { status: 401 });
  if (error instanceof ForbiddenError || error instanceof OutOfScopeError) {
    const path = new URL(request.url).pathname;
    await audit(
      {
        actor: actorOf(viewer),
        action: "auth.denied",
        outcome: "denied",
        targetType: error instanceof OutOfScopeError ? error.targetType : "route",
        targetId: error instanceof OutOfScopeError ? error.targetId : path,
        detail: { method: request.method, path, reason: error.message },
      },
      request,
    );
    return error instanceof ForbiddenError
      ? Response.json({ error: "forbidden" }, { status: 403 })
      : Response.json({ error: "not found" }, { status: 404 });
  }
  if (error instanceof NotFoundError) return Response.json({ error: "not found" }, { status: 404 });
  if (error instanceof PayloadTooLargeError) return Response.json({ error: error.message }, { status: 413 });
  if (error instanceof ValidationError) return Response.json({ error: error.message }, { status: 400 });
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
    return Response.json({ error: `invalid input: ${where}${issue?.message ?? "bad input"}` }, { status: 400 });
  }
  console.error(`${request.method} ${new URL(request.url).pathname}:`, error);
  return Response.json({ error: "internal error" }, { status: 500 });
}

type RouteContext<P> = { params: Promise<P> };
type GuardedHandler<P> = (input: { request: Request; viewer: Viewer; params: P }) => Promise<Response>;

/**
 * Declarative guard for route handlers that serve people: a session is required (401 without),
 * `roles` narrows who may call (403), and every non-GET is refused unless same-origin (CSRF).
 *
 *   export const GET = withViewer(async ({ viewer, params }) => Response.json(await getX(viewer, params.id)));
 */
export function withViewer<P = Record<string, string>>(handler: GuardedHandler<P>, options: { roles?: Role[] } = {}) {
  const guarded = async (request: Request, context: RouteContext<P>): Promise<Response> => {
    let viewer: Viewer | null = null;
    try {
      if (!isSafeMethod(request.method) && !isSameOriginRequest(request, getEnv().TENFOLD_URL)) {
        return Response.json({ error: "cross-origin request refused" }, { status: 403 });
      }
      viewer = await getViewer();
      if (!viewer) throw new UnauthorizedError();
      if (options.roles && !options.roles.includes(viewer.role)) throw new ForbiddenError(`role ${viewer.role} not in ${options.roles.join(",")}`);
      return await handler({ request, viewer, params: await context.params });
    } catch (error) {
      return errorResponse(error, request, viewer);
    }
  };
  // Every answer, errors included, is this viewer's: never cached.
  return async (request: Request, context: RouteContext<P>): Promise<Response> => noStore(await guarded(request, context));
}
