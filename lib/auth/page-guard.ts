import "server-only";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { actorOf, audit } from "./audit";
import { isPublicPath, PATH_HEADER } from "./paths";
import { ForbiddenError, NotFoundError, OutOfScopeError, UnauthorizedError } from "./errors";
import { getViewer, type Viewer } from "./viewer";


async function signInRedirect(): Promise<never> {
  const path = (await headers()).get(PATH_HEADER) ?? "/";
  redirect(`/signin?returnTo=${encodeURIComponent(path)}`);
}

/** The viewer for a page; without a live session the person is sent to sign in and comes back here. */
export async function requirePageViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) return signInRedirect();
  return viewer;
}

/**
 * For the root layout: the viewer, or a sign-in redirect for every non-public page without one. It runs
 * before any loading.tsx boundary starts streaming, so the browser gets a real 307 rather than a 200
 * whose stream redirects. Pages still call requirePageViewer(): a layout is not re-run on client navigation.
 */
export async function getLayoutViewer(): Promise<Viewer | null> {
  const viewer = await getViewer();
  if (viewer) return viewer;
  const path = (await headers()).get(PATH_HEADER) ?? "/";
  if (!isPublicPath(new URL(path, "http://tenfold.invalid").pathname)) return signInRedirect();
  return null;
}

/**
 * Runs a page's data read and maps typed errors once: no session → sign-in, missing or outside the
 * viewer's scope → notFound() (audited when it was out of scope), a role without the right → notFound()
 * as well, so pages never reveal what exists.
 */
export async function loadForPage<T>(viewer: Viewer, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof UnauthorizedError) return signInRedirect();
    if (error instanceof OutOfScopeError || error instanceof ForbiddenError) {
      const path = (await headers()).get(PATH_HEADER) ?? "";
      await audit({
        actor: actorOf(viewer),
        action: "auth.denied",
        outcome: "denied",
        targetType: error instanceof OutOfScopeError ? error.targetType : "page",
        targetId: error instanceof OutOfScopeError ? error.targetId : path,
        detail: { path, reason: error.message },
      });
      notFound();
    }
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
