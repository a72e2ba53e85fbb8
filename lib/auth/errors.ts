// Typed errors the data layer and route guards throw; mapped to responses once, in route-guard.ts
// (route handlers) and page-guard.ts (pages). The browser sees fixed messages, the log the details.

/** No session, or the session expired: 401 for APIs, a redirect to /signin for pages. */
export class UnauthorizedError extends Error {
  override name = "UnauthorizedError";
  constructor(message = "sign-in required") {
    super(message);
  }
}

/** Signed in, but the role does not allow this action (a viewer trying to rescan): 403. */
export class ForbiddenError extends Error {
  override name = "ForbiddenError";
  constructor(message = "not allowed") {
    super(message);
  }
}

/** Missing, or outside the viewer's scope: an owner asking for another owner's account gets this, never 403. */
export class NotFoundError extends Error {
  override name = "NotFoundError";
  constructor(message = "not found") {
    super(message);
  }
}

/** A row that exists but lies outside the viewer's scope: answered exactly like NotFoundError, and audited. */
export class OutOfScopeError extends NotFoundError {
  override name = "OutOfScopeError";
  constructor(
    readonly targetType: string,
    readonly targetId: string,
  ) {
    super();
  }
}

/** Bad params, query or body: 400 with the message. */
export class ValidationError extends Error {
  override name = "ValidationError";
}

/** A request body over the route's limit: 413, refused without reading the rest. */
export class PayloadTooLargeError extends ValidationError {
  override name = "PayloadTooLargeError";
  constructor(limitBytes: number) {
    super(`the body is larger than ${Math.round(limitBytes / 1024)} KB`);
  }
}
