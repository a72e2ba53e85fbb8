import { describe, expect, it } from "vitest";
import { DenialWindow, OVERFLOW_SOURCE } from "./denial-window";

const AT = new Date("2026-03-02T10:00:00.000Z");
const seconds = (count: number) => new Date(AT.getTime() + count * 1000);

describe("DenialWindow", () => {
  it("admits the first denial of a source per minute and counts the rest onto the next", () => {
    const window = new DenialWindow(60_000);
    expect(window.admit("a", AT)).toEqual({ record: true, suppressed: 0 });
    expect(window.admit("a", seconds(10))).toEqual({ record: false });
    expect(window.admit("a", seconds(59))).toEqual({ record: false });
    expect(window.admit("b", seconds(59))).toEqual({ record: true, suppressed: 0 });
    expect(window.admit("a", seconds(60))).toEqual({ record: true, suppressed: 2 });
    expect(window.admit("a", seconds(200))).toEqual({ record: true, suppressed: 0 });
  });

  it("stays bounded: past maxSources, new sources share one bucket until old windows free a slot", () => {
    const window = new DenialWindow(60_000, 2);
    window.admit("a", AT);
    window.admit("b", AT);
    expect(window.admit("c", seconds(1))).toEqual({ record: true, suppressed: 0 });
    expect(window.admit("d", seconds(2))).toEqual({ record: false }); // counted in the shared bucket
    expect(window.admit(OVERFLOW_SOURCE, seconds(61))).toEqual({ record: true, suppressed: 1 });
    // a's and b's windows are over with nothing counted: their slots go to new sources.
    expect(window.admit("e", seconds(120))).toEqual({ record: true, suppressed: 0 });
  });
});
