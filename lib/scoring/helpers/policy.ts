// Minimal IAM policy reading for key policies, bucket policies, identity policies and SCPs.
// NotAction / NotPrincipal statements are ignored: they are rare in the places scored here, and
// reading them wrongly would invent findings.

export type Statement = {
  effect: "Allow" | "Deny";
  actions: string[];
  resources: string[];
  /** Principal: "*" becomes { AWS: ["*"] }; absent for identity policies / SCPs. */
  principals?: Record<string, string[]>;
  /** Condition keys in lower case, across every operator. */
  conditionKeys: string[];
  /** Each condition as operator (as written, e.g. "ArnNotLike") and key (lower case). */
  conditions: { operator: string; key: string }[];
  hasNotAction: boolean;
  /** NotPrincipal: with Deny, "everyone except these". */
  hasNotPrincipal: boolean;
};

const arr = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : typeof v === "string" ? [v] : []);

/** Parse a policy JSON string (URL-encoded documents are decoded). Returns null when it is not a policy. */
export const parsePolicy = (json: string): Statement[] | null => {
  let doc: unknown;
  try {
    doc = JSON.parse(json.trimStart().startsWith("%7B") ? decodeURIComponent(json) : json);
  } catch {
    return null;
  }
  if (typeof doc !== "object" || doc === null) return null;
  const raw = (doc as { Statement?: unknown }).Statement;
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list.flatMap((s): Statement[] => {
    if (typeof s !== "object" || s === null) return [];
    const st = s as Record<string, unknown>;
    const effect = st.Effect === "Deny" ? "Deny" : st.Effect === "Allow" ? "Allow" : undefined;
    if (!effect) return [];
    let principals: Record<string, string[]> | undefined;
    if (st.Principal === "*") principals = { AWS: ["*"] };
    else if (typeof st.Principal === "object" && st.Principal !== null)
      principals = Object.fromEntries(Object.entries(st.Principal as Record<string, unknown>).map(([k, v]) => [k, arr(v)]));
    const cond = typeof st.Condition === "object" && st.Condition !== null ? (st.Condition as Record<string, unknown>) : {};
    const conditions = Object.entries(cond).flatMap(([operator, block]) =>
      typeof block === "object" && block !== null ? Object.keys(block).map((k) => ({ operator, key: k.toLowerCase() })) : [],
    );
    const out: Statement = {
      effect,
      actions: arr(st.Action),
      resources: arr(st.Resource),
      conditionKeys: conditions.map((c) => c.key),
      conditions,
      hasNotAction: st.NotAction !== undefined,
      hasNotPrincipal: st.NotPrincipal !== undefined,
    };
    if (principals) out.principals = principals;
    return [out];
  });
};

const globToRegExp = (glob: string) =>
  new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`, "i");

/** Does an action pattern of a statement ("kms:*", "s3:Delete*", "*") grant `action`? */
export const actionMatches = (pattern: string, action: string): boolean => globToRegExp(pattern).test(action);

export const statementGrants = (s: Statement, action: string): boolean => s.actions.some((p) => actionMatches(p, action));

/** Can `pattern` match some action that starts with `prefix`? ("s3:*", "s3:PutObject", "s3:P*" all can for "s3:Put".) */
const patternReachesPrefix = (pattern: string, prefix: string): boolean => {
  if (prefix === "") return true; // whatever is left of the pattern can still match something
  const [c, rest] = [pattern[0], pattern.slice(1)];
  if (c === undefined) return false;
  if (c === "*") return patternReachesPrefix(rest, prefix) || patternReachesPrefix(pattern, prefix.slice(1));
  return (c === "?" || c.toLowerCase() === prefix[0]?.toLowerCase()) && patternReachesPrefix(rest, prefix.slice(1));
};

/** Does the statement name any action of a family, e.g. "s3:Put" for the spec's s3:Put*? */
export const statementGrantsAnyOf = (s: Statement, prefix: string): boolean => s.actions.some((p) => patternReachesPrefix(p, prefix));

/** Principal "*" or {"AWS": "*"}. */
export const isEveryonePrincipal = (s: Statement): boolean => s.principals?.AWS?.includes("*") === true || s.principals?.["*"] !== undefined;
