// Compiles the SDK's own Smithy schemas (exported by every @aws-sdk/client-* package) into small
// "plans" the sandbox walks to read requests and write responses. The SDK parses responses with the
// very same schemas, so member names, list wrappers and timestamp formats match by construction.
import { NormalizedSchema } from "@smithy/core/schema";

export type Plan =
  | { kind: "struct"; name: string; xmlName?: string; xmlNamespace?: XmlNs; members: MemberPlan[]; byName: Map<string, MemberPlan> }
  | { kind: "list"; item: Plan; itemXmlName?: string }
  | { kind: "map"; key: Plan; value: Plan; keyXmlName?: string; valueXmlName?: string }
  | { kind: "timestamp"; format: 4 | 5 | 6 | 7 }
  | { kind: "blob" }
  | { kind: "boolean" }
  | { kind: "number" }
  | { kind: "string" }
  | { kind: "document" };

export interface XmlNs {
  prefix?: string;
  uri: string;
}

export interface MemberPlan {
  name: string;
  plan: Plan;
  xmlName?: string;
  jsonName?: string;
  ec2QueryName?: string;
  xmlFlattened: boolean;
  xmlAttribute: boolean;
  xmlNamespace?: XmlNs;
  httpHeader?: string;
  httpQuery?: string;
  httpLabel: boolean;
  httpPayload: boolean;
  httpResponseCode: boolean;
}

export interface OperationPlan {
  name: string;
  http?: { method: string; path: string; code: number };
  input: Plan;
  output: Plan;
}

type Traits = Record<string, unknown>;
const cache = new WeakMap<object, Plan>();

function xmlNs(v: unknown): XmlNs | undefined {
  if (v && typeof v === "object" && !Array.isArray(v) && "uri" in v) return v as XmlNs;
  if (!Array.isArray(v)) return undefined;
  const [prefix, uri] = v.length === 2 ? (v as [string, string]) : [undefined, v[0] as string];
  return prefix ? { prefix, uri } : { uri };
}

function compile(ns: NormalizedSchema): Plan {
  const raw = ns.getSchema() as unknown;
  if (ns.isStructSchema() || ns.isUnionSchema()) {
    const key = raw as object;
    const hit = cache.get(key);
    if (hit) return hit;
    const traits = ns.getMergedTraits() as Traits;
    const plan: Plan = {
      kind: "struct",
      name: ns.getName() ?? "",
      xmlName: traits.xmlName as string | undefined,
      xmlNamespace: xmlNs(traits.xmlNamespace),
      members: [],
      byName: new Map(),
    };
    cache.set(key, plan); // before members: schemas can be recursive
    for (const [name, m] of ns.structIterator()) {
      const t = m.getMergedTraits() as Traits;
      const mp: MemberPlan = {
        name,
        plan: compile(m),
        xmlName: t.xmlName as string | undefined,
        jsonName: t.jsonName as string | undefined,
        ec2QueryName: t.ec2QueryName as string | undefined,
        xmlFlattened: Boolean(t.xmlFlattened),
        xmlAttribute: Boolean(t.xmlAttribute),
        xmlNamespace: xmlNs(t.xmlNamespace),
        httpHeader: t.httpHeader as string | undefined,
        httpQuery: t.httpQuery as string | undefined,
        httpLabel: Boolean(t.httpLabel),
        httpPayload: Boolean(t.httpPayload),
        httpResponseCode: Boolean(t.httpResponseCode),
      };
      plan.members.push(mp);
      plan.byName.set(name, mp);
    }
    return plan;
  }
  if (ns.isListSchema()) {
    const v = ns.getValueSchema();
    return { kind: "list", item: compile(v), itemXmlName: (v.getMergedTraits() as Traits).xmlName as string | undefined };
  }
  if (ns.isMapSchema()) {
    const k = ns.getKeySchema();
    const v = ns.getValueSchema();
    return {
      kind: "map",
      key: compile(k),
      value: compile(v),
      keyXmlName: (k.getMergedTraits() as Traits).xmlName as string | undefined,
      valueXmlName: (v.getMergedTraits() as Traits).xmlName as string | undefined,
    };
  }
  if (ns.isTimestampSchema()) return { kind: "timestamp", format: ns.getSchema() as 4 | 5 | 6 | 7 };
  if (ns.isBlobSchema()) return { kind: "blob" };
  if (ns.isBooleanSchema()) return { kind: "boolean" };
  if (ns.isNumericSchema() || ns.isBigIntegerSchema() || ns.isBigDecimalSchema()) return { kind: "number" };
  if (ns.isDocumentSchema()) return { kind: "document" };
  return { kind: "string" };
}

const EMPTY: Plan = { kind: "struct", name: "Unit", members: [], byName: new Map() };

/** Plan for one operation, from the `<Op>$` export of an SDK client package. */
export function operationPlan(sdk: Record<string, unknown>, op: string): OperationPlan {
  const schema = sdk[`${op}$`] as unknown[] | undefined;
  if (!Array.isArray(schema) || schema[0] !== 9) throw new Error(`sandbox: SDK has no operation schema ${op}$`);
  const traits = (schema[3] ?? {}) as Traits;
  const http = traits.http as [string, string, number] | undefined;
  const side = (s: unknown): Plan => {
    const ns = NormalizedSchema.of(s as never);
    return ns.isUnitSchema() ? EMPTY : compile(ns);
  };
  return {
    name: op,
    http: http ? { method: http[0], path: http[1], code: http[2] } : undefined,
    input: side(schema[4]),
    output: side(schema[5]),
  };
}
