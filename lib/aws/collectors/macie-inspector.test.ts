import { describe, expect, it } from "vitest";
import type { Regional } from "@/lib/scoring/evidence";
import type { CollectorContext } from "./context";
import { nothingToScan, type ScannedResources } from "./inspector";
import { isMacieNotEnabled, macieRegions } from "./macie";

const REGIONS = ["us-east-1", "eu-west-1", "ap-south-1"];
const ctx = { regions: REGIONS, settings: { homeRegion: "us-east-1" } } as unknown as CollectorContext;
const err = (name: string, message: string) => Object.assign(new Error(message), { name });

describe("Macie: which answers mean 'off'", () => {
  it.each([
    ["AccessDeniedException", "Macie is not enabled.", true],
    ["AccessDeniedException", "Macie is not enabled", true],
    ["AccessDeniedException", "User: arn:aws:sts::1:assumed-role/TenfoldReadOnly/s is not authorized to perform: macie2:GetMacieSession", false],
    ["ThrottlingException", "Macie is not enabled.", false],
  ])("%s %j → off: %s", (name, message, off) => expect(isMacieNotEnabled(err(name, message))).toBe(off));
});

describe("Macie: which Regions are asked", () => {
  it.each([
    ["no buckets: the home Region", [], ["us-east-1"]],
    ["buckets in eu-west-1: home + eu-west-1", [{ name: "b", region: "eu-west-1" }], ["us-east-1", "eu-west-1"]],
    ["a bucket without a Region: every Region", [{ name: "b" }], REGIONS],
    ["ListBuckets failed: every Region", undefined, REGIONS],
  ])("%s", (_n, buckets, asked) => expect([...macieRegions(ctx, buckets)].sort()).toEqual([...asked].sort()));
});

describe("Inspector: a Region with nothing to scan has no findings to list", () => {
  const count = <T>(v: T): Regional<T> => ({ "us-east-1": { ok: true, value: v } });
  const none: ScannedResources = { instances: count({ total: 0 }), functions: count({ total: 0 }), repositories: count(0) };
  const on = { status: "ENABLED", resourceState: { ec2: "ENABLED", ecr: "ENABLED", lambda: "ENABLED" } };
  it.each([
    ["nothing at all", none, on, true],
    ["an instance", { ...none, instances: count({ total: 1 }) }, on, false],
    ["a function", { ...none, functions: count({ total: 2 }) }, on, false],
    ["a repository", { ...none, repositories: count(1) }, on, false],
    ["code repository scanning on", none, { ...on, resourceState: { ...on.resourceState, codeRepository: "ENABLED" } }, false],
    ["function count unreadable", { ...none, functions: { "us-east-1": { ok: false, error: { code: "AccessDeniedException", message: "no" } } } }, on, false],
  ] as const)("%s → skip: %s", (_n, resources, status, skip) => expect(nothingToScan(resources as ScannedResources, status, "us-east-1")).toBe(skip));
});
