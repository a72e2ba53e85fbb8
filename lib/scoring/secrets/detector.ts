import { createHash } from "node:crypto";
import { gunzipSync } from "node:zlib";
import {
  AWS_DOCS_EXAMPLE,
  AWS_EXAMPLE_KEY,
  BENIGN_VALUE,
  HIGH_CONFIDENCE_PATTERNS,
  HIGH_ENTROPY_BITS,
  HIGH_ENTROPY_MIN_LENGTH,
  MEDIUM_MIN_LENGTH,
  PLACEHOLDER,
  REFERENCE_PATTERNS,
  SECRET_NAME,
  SECRETLINT_KINDS,
  type SecretKind,
} from "./patterns";

// Pure, in-memory secret detection (checks.md §4, §1.5). Only where a secret sits, its kind and a salted
// hash leave this module: the value itself is never returned, so evidence cannot leak it.

export type { SecretKind } from "./patterns";

export type SecretHit = {
  /** Resource and field path, e.g. "arn:aws:lambda:…:function:f Environment.Variables.DB_PASSWORD". */
  location: string;
  /** Variable name, when the value had one. */
  name?: string;
  kind: SecretKind;
  /** high → the check fails; medium → warns. */
  confidence: "high" | "medium";
  /** sha256(salt ‖ matched value), first 12 hex chars: correlates the same secret across places, reveals nothing. */
  hash: string;
  /** Which rule found it: `secretlint:<rule>/<messageId>`, `pattern:<kind>` or `name-heuristic` (checks.md §1.5). */
  detector?: string;
};

export type SecretInput = { location: string; name?: string; value: string };

/**
 * One secretlint report as the collector hands it over: rule id, message id and the character range in the
 * text given here. secretlint itself is asynchronous, so the collector runs it (lib/aws) and this pure
 * module only turns its ranges into hits; the value never leaves memory.
 */
export type LintMatch = { ruleId: string; messageId: string; start: number; end: number };

type Span = { start: number; end: number };
const overlaps = (a: Span, spans: readonly Span[]) => spans.some((b) => a.start < b.end && b.start < a.end);

export const saltedHash = (salt: string, value: string): string =>
  createHash("sha256").update(salt).update(value).digest("hex").slice(0, 12);

/** Shannon entropy in bits per character. */
export const shannonEntropy = (s: string): number => {
  if (s.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    bits -= p * Math.log2(p);
  }
  return bits;
};

/** A reference to a secret store (rule 2): skipped, and counted as positive evidence for i3.secret_store_in_use. */
export const isReference = (value: string): boolean => REFERENCE_PATTERNS.some((re) => re.test(value.trim()));

// secretlint's AWS secret-key report starts at the variable name but has the key's length; find the key
// itself: after the name's `=` / `:` when the name is in the text, else the 40 characters at the start.
const AWS_SECRET_AFTER_NAME = /(?::|=>|=)\s*["']?([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])/dy;
const AWS_SECRET_BARE = /([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])/dy;

const lintSpan = (text: string, m: LintMatch): Span => {
  if (m.messageId === "AWSSecretAccessKey") {
    const from = Math.max(0, m.start);
    for (const re of [AWS_SECRET_AFTER_NAME, AWS_SECRET_BARE])
      for (let i = from; i < Math.min(text.length, from + 64); i++) {
        re.lastIndex = i;
        const key = re.exec(text)?.indices?.[1];
        if (key) return { start: key[0], end: key[1] };
      }
  }
  return { start: Math.max(0, m.start), end: Math.min(text.length, m.end) };
};

/** A secretlint report → a high-confidence hit, or undefined for AWS's documentation examples. */
const lintHit = (text: string, m: LintMatch, base: Omit<SecretHit, "kind" | "confidence" | "hash">, salt: string): { hit: SecretHit; span: Span } | undefined => {
  const span = lintSpan(text, m);
  const matched = text.slice(span.start, span.end);
  if (matched === "" || AWS_DOCS_EXAMPLE.test(matched)) return undefined;
  const rule = m.ruleId.replace(/^@secretlint\/secretlint-rule-/, "");
  const kind = SECRETLINT_KINDS[`${rule}/${m.messageId}`] ?? SECRETLINT_KINDS[rule] ?? "api-token";
  return { hit: { ...base, kind, confidence: "high", hash: saltedHash(salt, matched), detector: `secretlint:${rule}/${m.messageId}` }, span };
};

/** Rule-3 patterns over `text`, leaving out what secretlint already reported (`taken`). */
const patternHits = (text: string, base: Omit<SecretHit, "kind" | "confidence" | "hash">, salt: string, taken: readonly Span[]): SecretHit[] => {
  const hits: SecretHit[] = [];
  for (const { kind, re } of HIGH_CONFIDENCE_PATTERNS) {
    for (const m of text.matchAll(re)) {
      const matched = m[0];
      if (overlaps({ start: m.index, end: m.index + matched.length }, taken)) continue;
      if (kind === "aws-access-key-id" && AWS_EXAMPLE_KEY.test(matched)) continue;
      // `scheme://user:${DB_PASSWORD}@host` carries a template, not a password.
      if (kind === "url-credentials" && /:(?:\$\{|\{\{|%\(|<)[^@]*@$/.test(matched)) continue;
      hits.push({ ...base, kind, confidence: "high", hash: saltedHash(salt, matched), detector: `pattern:${kind}` });
    }
  }
  return hits;
};

const uniqueHits = (hits: SecretHit[]): SecretHit[] => {
  const seen = new Set<string>();
  return hits.filter((h) => !seen.has(h.kind + h.hash) && seen.add(h.kind + h.hash) !== undefined);
};

/**
 * Detect secrets in one name/value pair: secretlint's reports on it (`lint`, ranges within `value`), then
 * the rule-3 patterns, then — only when neither found anything — the rule-4 name heuristic. No hit for
 * references and placeholders.
 */
export const detectSecrets = (input: SecretInput, salt: string, lint: readonly LintMatch[] = []): SecretHit[] => {
  const value = input.value.trim();
  if (value === "" || isReference(value)) return [];
  const base = input.name === undefined ? { location: input.location } : { location: input.location, name: input.name };

  const fromLint = lint.flatMap((m) => lintHit(input.value, m, base, salt) ?? []);
  const hits = uniqueHits([...fromLint.map((l) => l.hit), ...patternHits(input.value, base, salt, fromLint.map((l) => l.span))]);
  if (hits.length > 0) return hits;

  // Rule 4: name + value heuristic; long random-looking values are promoted to high confidence.
  if (input.name === undefined || !SECRET_NAME.test(input.name)) return [];
  if (value.length < MEDIUM_MIN_LENGTH || PLACEHOLDER.test(value) || AWS_DOCS_EXAMPLE.test(value) || BENIGN_VALUE.some((re) => re.test(value))) return [];
  const high = value.length >= HIGH_ENTROPY_MIN_LENGTH && shannonEntropy(value) > HIGH_ENTROPY_BITS;
  return [{ ...base, kind: "named-secret", confidence: high ? "high" : "medium", hash: saltedHash(salt, value), detector: "name-heuristic" }];
};

/** EC2 user data as returned by DescribeInstanceAttribute / launch templates: base64, maybe gzip (1f 8b). Throws on corrupt gzip. */
export const decodeUserData = (base64: string): string => {
  const bytes = Buffer.from(base64, "base64");
  const raw = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
  return raw.toString("utf8");
};

/** Split a MIME multi-part user data document into its part bodies (base64 parts decoded); other text is one part. */
export const splitUserDataParts = (text: string): string[] => {
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(text)?.[1];
  if (boundary === undefined || !/^\s*(?:Content-Type|MIME-Version):/im.test(text)) return [text];
  const parts: string[] = [];
  for (const chunk of text.split(`--${boundary}`).slice(1)) {
    if (chunk.startsWith("--")) break;
    const sep = /\r?\n\r?\n/.exec(chunk);
    if (sep === null) continue;
    const headers = chunk.slice(0, sep.index);
    const body = chunk.slice(sep.index + sep[0].length);
    parts.push(/Content-Transfer-Encoding:\s*base64/i.test(headers) ? decodeUserData(body.replace(/\s+/g, "")) : body);
  }
  return parts;
};

// `NAME=value`, `export NAME="value"`, `name: value` (cloud-config / YAML) on one line.
const ASSIGNMENT = /^\s*(?:export\s+|set\s+|-\s+)?([A-Za-z_][\w.-]*)\s*[:=]\s*["']?([^"'\s#]+)["']?/d;

/** The documents of one user data value: decoded, gunzipped, MIME parts split (throws on corrupt gzip). */
export const userDataParts = (base64: string): string[] => splitUserDataParts(decodeUserData(base64));

/**
 * Scan user data documents: secretlint's reports per part (`lint[i]`, ranges within `parts[i]`), the value
 * patterns per line, and the name heuristic per assignment line. A hit's location is the line it starts on.
 */
export const scanUserDataParts = (
  input: { location: string; parts: readonly string[] },
  salt: string,
  lint: readonly (readonly LintMatch[])[] = [],
): { hits: SecretHit[]; references: number } => {
  const hits: SecretHit[] = [];
  let references = 0;
  input.parts.forEach((part, partIndex) => {
    const lines = part.split(/\r?\n/);
    const lineStarts: number[] = [];
    let offset = 0;
    for (const line of lines) {
      lineStarts.push(offset);
      offset = part.indexOf("\n", offset + line.length) + 1 || part.length;
    }
    const where = (line: number) => `${input.location} part ${partIndex + 1} line ${line + 1}`;
    const lineAt = (at: number) => Math.max(0, lineStarts.findLastIndex((start) => start <= at));
    const fromLint = (lint[partIndex] ?? []).flatMap((m) => lintHit(part, m, { location: where(lineAt(m.start)) }, salt) ?? []);
    hits.push(...fromLint.map((l) => l.hit));
    lines.forEach((line, i) => {
      const start = lineStarts[i] ?? 0;
      const taken = fromLint.map(({ span }) => ({ start: span.start - start, end: span.end - start }));
      const location = where(i);
      const m = ASSIGNMENT.exec(line);
      const at = m?.indices?.[2];
      if (m?.[1] !== undefined && m[2] !== undefined && at !== undefined) {
        if (isReference(m[2])) references++;
        if (!overlaps({ start: at[0], end: at[1] }, taken)) hits.push(...detectSecrets({ location, name: m[1], value: m[2] }, salt));
      }
      hits.push(...patternHits(line, { location }, salt, taken));
    });
  });
  return { hits: uniqueHits(hits), references };
};

/** Scan one user data value without secretlint (tests, and callers that cannot wait for it). */
export const scanUserData = (input: { location: string; userDataBase64: string }, salt: string): { hits: SecretHit[]; references: number } =>
  scanUserDataParts({ location: input.location, parts: userDataParts(input.userDataBase64) }, salt);
