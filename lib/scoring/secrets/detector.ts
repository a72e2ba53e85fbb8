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
};

export type SecretInput = { location: string; name?: string; value: string };

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

/** Detect secrets in one name/value pair. Returns no hit for references and placeholders. */
export const detectSecrets = (input: SecretInput, salt: string): SecretHit[] => {
  const value = input.value.trim();
  if (value === "" || isReference(value)) return [];
  const base = input.name === undefined ? { location: input.location } : { location: input.location, name: input.name };

  const hits: SecretHit[] = [];
  const seen = new Set<string>();
  for (const { kind, re } of HIGH_CONFIDENCE_PATTERNS) {
    for (const m of value.matchAll(re)) {
      const matched = m[0];
      if (kind === "aws-access-key-id" && AWS_EXAMPLE_KEY.test(matched)) continue;
      // `scheme://user:${DB_PASSWORD}@host` carries a template, not a password.
      if (kind === "url-credentials" && /:(?:\$\{|\{\{|%\(|<)[^@]*@$/.test(matched)) continue;
      const hash = saltedHash(salt, matched);
      if (seen.has(kind + hash)) continue;
      seen.add(kind + hash);
      hits.push({ ...base, kind, confidence: "high", hash });
    }
  }
  if (hits.length > 0) return hits;

  // Rule 4: name + value heuristic; long random-looking values are promoted to high confidence.
  if (input.name === undefined || !SECRET_NAME.test(input.name)) return [];
  if (value.length < MEDIUM_MIN_LENGTH || PLACEHOLDER.test(value) || AWS_DOCS_EXAMPLE.test(value) || BENIGN_VALUE.some((re) => re.test(value))) return [];
  const high = value.length >= HIGH_ENTROPY_MIN_LENGTH && shannonEntropy(value) > HIGH_ENTROPY_BITS;
  return [{ ...base, kind: "named-secret", confidence: high ? "high" : "medium", hash: saltedHash(salt, value) }];
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
const ASSIGNMENT = /^\s*(?:export\s+|set\s+|-\s+)?([A-Za-z_][\w.-]*)\s*[:=]\s*["']?([^"'\s#]+)["']?/;

/** Scan one user data document: value patterns over the whole text, and the name heuristic per assignment line. */
export const scanUserData = (
  input: { location: string; userDataBase64: string },
  salt: string,
): { hits: SecretHit[]; references: number } => {
  const hits: SecretHit[] = [];
  let references = 0;
  const seen = new Set<string>();
  const add = (h: SecretHit) => {
    if (seen.has(h.kind + h.hash)) return;
    seen.add(h.kind + h.hash);
    hits.push(h);
  };
  splitUserDataParts(decodeUserData(input.userDataBase64)).forEach((part, partIndex) => {
    const lines = part.split(/\r?\n/);
    lines.forEach((line, i) => {
      const location = `${input.location} part ${partIndex + 1} line ${i + 1}`;
      const m = ASSIGNMENT.exec(line);
      if (m?.[1] !== undefined && m[2] !== undefined) {
        if (isReference(m[2])) references++;
        const named = detectSecrets({ location, name: m[1], value: m[2] }, salt);
        named.forEach(add);
      }
      detectSecrets({ location, value: line }, salt).forEach(add);
    });
    // Private keys span lines; the line scan above already sees the BEGIN marker.
  });
  return { hits, references };
};
