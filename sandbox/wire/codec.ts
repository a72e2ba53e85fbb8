// Encoders and decoders that walk a compiled Plan. One implementation per wire convention,
// shared by every service: handlers deal only in SDK-shaped objects.
import type { MemberPlan, Plan } from "./plan";

type Obj = Record<string, unknown>;

// ---------- values ----------

function toDate(v: unknown): Date {
  if (v instanceof Date) return v;
  if (typeof v === "number") return new Date(v * 1000);
  return new Date(String(v));
}

/** ISO 8601 without milliseconds, as AWS prints it. */
export function isoSeconds(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, "Z");
}

function blobToBase64(v: unknown): string {
  if (typeof v === "string") return Buffer.from(v, "utf8").toString("base64");
  if (v instanceof Uint8Array) return Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString("base64");
  return "";
}

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;", "\r": "&#13;", "\n": "&#10;" };
export function xmlEscape(s: string): string {
  return /[&<>"'\r\n]/.test(s) ? s.replace(/[&<>"'\r\n]/g, (c) => XML_ESCAPES[c] ?? c) : s;
}

// ---------- XML (awsQuery, ec2Query, restXml) ----------

function xmlScalar(plan: Plan, v: unknown): string {
  switch (plan.kind) {
    case "timestamp": {
      const d = toDate(v);
      if (plan.format === 7) return String(Math.floor(d.getTime() / 1000));
      if (plan.format === 6) return d.toUTCString();
      return isoSeconds(d);
    }
    case "blob":
      return blobToBase64(v);
    case "document":
      return xmlEscape(JSON.stringify(v));
    default:
      return xmlEscape(String(v));
  }
}

function xmlNsAttr(ns: { prefix?: string; uri: string } | undefined): string {
  if (!ns) return "";
  return ns.prefix ? ` xmlns:${ns.prefix}="${xmlEscape(ns.uri)}"` : ` xmlns="${xmlEscape(ns.uri)}"`;
}

/** Children of a structure (no wrapping element). */
export function xmlStructBody(plan: Plan, value: Obj, out: string[]): void {
  if (plan.kind !== "struct") return;
  for (const m of plan.members) {
    const v = value[m.name];
    if (v === undefined || v === null || m.xmlAttribute || m.httpHeader || m.httpResponseCode || m.httpLabel || m.httpQuery) continue;
    xmlMember(m, v, out);
  }
}

function xmlAttrs(plan: Plan, value: Obj): string {
  if (plan.kind !== "struct") return "";
  let s = "";
  for (const m of plan.members) {
    if (!m.xmlAttribute) continue;
    const v = value[m.name];
    if (v !== undefined && v !== null) s += ` ${m.xmlName ?? m.name}="${xmlScalar(m.plan, v)}"`;
  }
  return s;
}

function xmlElement(name: string, plan: Plan, v: unknown, out: string[], nsAttr = ""): void {
  if (plan.kind === "struct") {
    const o = v as Obj;
    out.push(`<${name}${nsAttr}${xmlNsAttr(plan.xmlNamespace)}${xmlAttrs(plan, o)}>`);
    xmlStructBody(plan, o, out);
    out.push(`</${name}>`);
  } else if (plan.kind === "list") {
    out.push(`<${name}${nsAttr}>`);
    const item = plan.itemXmlName ?? "member";
    for (const x of v as unknown[]) if (x !== undefined && x !== null) xmlElement(item, plan.item, x, out);
    out.push(`</${name}>`);
  } else if (plan.kind === "map") {
    out.push(`<${name}${nsAttr}>`);
    xmlMapEntries(plan, v as Obj, out, "entry");
    out.push(`</${name}>`);
  } else {
    out.push(`<${name}${nsAttr}>${xmlScalar(plan, v)}</${name}>`);
  }
}

function xmlMapEntries(plan: Extract<Plan, { kind: "map" }>, map: Obj, out: string[], entryName: string): void {
  const k = plan.keyXmlName ?? "key";
  const vn = plan.valueXmlName ?? "value";
  for (const [key, val] of Object.entries(map)) {
    if (val === undefined || val === null) continue;
    out.push(`<${entryName}><${k}>${xmlEscape(key)}</${k}>`);
    xmlElement(vn, plan.value, val, out);
    out.push(`</${entryName}>`);
  }
}

function xmlMember(m: MemberPlan, v: unknown, out: string[]): void {
  const name = m.xmlName ?? m.name;
  const nsAttr = xmlNsAttr(m.xmlNamespace);
  if (m.xmlFlattened && m.plan.kind === "list") {
    for (const x of v as unknown[]) if (x !== undefined && x !== null) xmlElement(name, m.plan.item, x, out, nsAttr);
  } else if (m.xmlFlattened && m.plan.kind === "map") {
    xmlMapEntries(m.plan, v as Obj, out, name);
  } else {
    xmlElement(name, m.plan, v, out, nsAttr);
  }
}

/** A whole element for a structure value, e.g. the restXml root or a payload member. */
export function xmlRoot(name: string, plan: Plan, value: unknown, nsUri?: string): string {
  const out: string[] = [];
  xmlElement(name, plan, value, out, nsUri ? ` xmlns="${xmlEscape(nsUri)}"` : "");
  return out.join("");
}

// ---------- JSON (awsJson1_x, restJson1) ----------

function jsonValue(plan: Plan, v: unknown, useJsonName: boolean): unknown {
  switch (plan.kind) {
    case "struct": {
      const o = v as Obj;
      const r: Obj = {};
      for (const m of plan.members) {
        const x = o[m.name];
        if (x === undefined || x === null || m.httpHeader || m.httpResponseCode || m.httpLabel || m.httpQuery) continue;
        r[(useJsonName && m.jsonName) || m.name] = jsonValue(m.plan, x, useJsonName);
      }
      return r;
    }
    case "list":
      return (v as unknown[]).map((x) => (x === null || x === undefined ? x : jsonValue(plan.item, x, useJsonName)));
    case "map": {
      const r: Obj = {};
      for (const [k, x] of Object.entries(v as Obj)) if (x !== undefined) r[k] = x === null ? null : jsonValue(plan.value, x, useJsonName);
      return r;
    }
    case "timestamp": {
      const d = toDate(v);
      if (plan.format === 5) return isoSeconds(d);
      if (plan.format === 6) return d.toUTCString();
      return d.getTime() / 1000;
    }
    case "blob":
      return blobToBase64(v);
    default:
      return v;
  }
}

export function jsonEncode(plan: Plan, value: unknown, useJsonName: boolean): unknown {
  return jsonValue(plan, value, useJsonName);
}

function jsonRead(plan: Plan, v: unknown, useJsonName: boolean): unknown {
  if (v === null || v === undefined) return v;
  switch (plan.kind) {
    case "struct": {
      const o = v as Obj;
      const r: Obj = {};
      for (const m of plan.members) {
        const x = o[(useJsonName && m.jsonName) || m.name];
        if (x !== undefined) r[m.name] = jsonRead(m.plan, x, useJsonName);
      }
      return r;
    }
    case "list":
      return Array.isArray(v) ? v.map((x) => jsonRead(plan.item, x, useJsonName)) : [];
    case "map": {
      const r: Obj = {};
      for (const [k, x] of Object.entries(v as Obj)) r[k] = jsonRead(plan.value, x, useJsonName);
      return r;
    }
    case "timestamp":
      return toDate(v);
    default:
      return v;
  }
}

export function jsonDecode(plan: Plan, body: unknown, useJsonName: boolean): Obj {
  return (jsonRead(plan, body ?? {}, useJsonName) as Obj) ?? {};
}

// ---------- query strings (awsQuery and ec2Query request bodies) ----------

function parseScalar(plan: Plan, s: string): unknown {
  if (plan.kind === "boolean") return s === "true";
  if (plan.kind === "number") return Number(s);
  if (plan.kind === "timestamp") return toDate(/^\d+(\.\d+)?$/.test(s) ? Number(s) : s);
  return s;
}

function hasPrefix(form: Map<string, string>, prefix: string): boolean {
  for (const k of form.keys()) if (k === prefix || k.startsWith(prefix + ".")) return true;
  return false;
}

function queryRead(plan: Plan, form: Map<string, string>, prefix: string, ec2: boolean, flat: boolean): unknown {
  switch (plan.kind) {
    case "struct": {
      const r: Obj = {};
      for (const m of plan.members) {
        const key = ec2 ? (m.ec2QueryName ?? cap(m.xmlName ?? m.name)) : (m.xmlName ?? m.name);
        const p = prefix ? `${prefix}.${key}` : key;
        if (!hasPrefix(form, p)) continue;
        r[m.name] = queryRead(m.plan, form, p, ec2, m.xmlFlattened);
      }
      return r;
    }
    case "list": {
      const base = ec2 || flat ? prefix : `${prefix}.member`;
      const items: unknown[] = [];
      for (let i = 1; hasPrefix(form, `${base}.${i}`); i++) items.push(queryRead(plan.item, form, `${base}.${i}`, ec2, false));
      return items;
    }
    case "map": {
      const base = flat ? prefix : `${prefix}.entry`;
      const r: Obj = {};
      for (let i = 1; form.has(`${base}.${i}.key`); i++) r[form.get(`${base}.${i}.key`) ?? ""] = queryRead(plan.value, form, `${base}.${i}.value`, ec2, false);
      return r;
    }
    default: {
      const s = form.get(prefix);
      return s === undefined ? undefined : parseScalar(plan, s);
    }
  }
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function queryDecode(plan: Plan, form: Map<string, string>, ec2: boolean): Obj {
  return queryRead(plan, form, "", ec2, false) as Obj;
}

/** Reads http-bound members (labels, query, headers) of a REST request. */
export function restBindings(plan: Plan, labels: Record<string, string>, query: URLSearchParams, headers: Record<string, string | string[] | undefined>, into: Obj): void {
  if (plan.kind !== "struct") return;
  for (const m of plan.members) {
    if (m.httpLabel) {
      const v = labels[m.name];
      if (v !== undefined) into[m.name] = parseScalar(m.plan, v);
    } else if (m.httpQuery) {
      if (m.plan.kind === "list") {
        const all = query.getAll(m.httpQuery);
        if (all.length) into[m.name] = all.map((x) => parseScalar((m.plan as { item: Plan }).item, x));
      } else {
        const v = query.get(m.httpQuery);
        if (v !== null) into[m.name] = parseScalar(m.plan, v);
      }
    } else if (m.httpHeader) {
      const v = headers[m.httpHeader.toLowerCase()];
      if (typeof v === "string") into[m.name] = parseScalar(m.plan, v);
    }
  }
}
