import { describe, expect, it } from "vitest";
import { pageOf, pageParamSchema } from "./paging";

const rows = Array.from({ length: 250 }, (_, index) => index + 1);

describe("pageOf", () => {
  it("slices the requested page and says which rows it holds", () => {
    const page = pageOf(rows, 2, 100);
    expect(page.rows[0]).toBe(101);
    expect(page.rows).toHaveLength(100);
    expect(page).toMatchObject({ page: 2, pages: 3, from: 101, to: 200, total: 250 });
  });

  it("holds the remainder on the last page", () => {
    expect(pageOf(rows, 3, 100)).toMatchObject({ page: 3, from: 201, to: 250, rows: rows.slice(200) });
  });

  it("clamps pages past the end to the last one and below 1 to the first", () => {
    expect(pageOf(rows, 99, 100).page).toBe(3);
    expect(pageOf(rows, 0, 100).page).toBe(1);
    expect(pageOf(rows, Number.NaN, 100).page).toBe(1);
  });

  it("answers one empty page for an empty list", () => {
    expect(pageOf([], 4, 100)).toEqual({ rows: [], page: 1, pages: 1, from: 0, to: 0, total: 0 });
  });
});

describe("pageParamSchema", () => {
  it("reads positive integers and turns anything else into page 1", () => {
    expect(pageParamSchema.parse("3")).toBe(3);
    expect(pageParamSchema.parse(undefined)).toBe(1);
    expect(pageParamSchema.parse("-2")).toBe(1);
    expect(pageParamSchema.parse("abc")).toBe(1);
    expect(pageParamSchema.parse("1.5")).toBe(1);
  });
});
