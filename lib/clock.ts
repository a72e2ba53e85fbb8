// The one clock for domain time on the request path: when an exception was recorded, approved or revoked,
// when an attestation was made, when an audit entry happened. Callers take `now` once, at the edge (a
// request, a CLI command), and hand the same instant down; tests hand their own. The database's now() is
// never used for these, so a scan dated with `--as-of` and the rows it is compared with share one timeline.
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
