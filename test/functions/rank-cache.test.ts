/**
 * The shared ranking behind many =THIDUA.RANK cells: reused while the range's contents are the same,
 * never reused when they differ (a wrong rank is worse than a slow one), dropped after its lifetime.
 */
import { ContentCache, hashCells } from "../../src/functions/rank-cache";

describe("ContentCache (RANK's one sorted copy per recalculation)", () => {
  test("the same contents in a new array (Excel's way) reuse the ranking built once", () => {
    const cache = new ContentCache<string>();
    let builds = 0;
    const build = (): string => `built ${++builds}`;
    expect(cache.get([[90], [85]], 2, build)).toBe("built 1");
    expect(cache.get([[90], [85]], 2, build)).toBe("built 1");
    expect(builds).toBe(1);
  });

  test("R10 a different precision is a different ranking", () => {
    const cache = new ContentCache<number>();
    const range = [[85.25], [85.3]];
    expect(cache.get(range, 2, () => 2)).toBe(2);
    expect(cache.get(range, 0, () => 0)).toBe(0);
  });

  test("contents that differ in one cell, or only in type ('85' vs 85), are never served each other's ranking", () => {
    const cache = new ContentCache<string>();
    cache.get([[90], [85]], 2, () => "first");
    expect(cache.get([[90], [86]], 2, () => "second")).toBe("second");
    expect(cache.get([[90], ["85"]], 2, () => "text")).toBe("text");
  });

  test("a hash collision costs a rebuild, never a wrong answer", () => {
    // Every range in one bucket: correctness must come from the value-by-value check.
    const cache = new ContentCache<string>(
      2000,
      32,
      () => 0,
      () => 42
    );
    cache.get([[1], [2]], 2, () => "a");
    expect(cache.get([[2], [1]], 2, () => "b")).toBe("b");
    expect(cache.get([[1], [2]], 2, () => "again")).toBe("a");
    expect(hashCells([1, 2], 2)).not.toBe(hashCells([2, 1], 2));
  });

  test("entries expire after their lifetime (a later recalculation starts afresh)", () => {
    let now = 1000;
    const cache = new ContentCache<string>(2000, 32, () => now);
    cache.get([[1]], 2, () => "old");
    now += 1999;
    expect(cache.get([[1]], 2, () => "new")).toBe("old");
    now += 2;
    expect(cache.get([[1]], 2, () => "new")).toBe("new");
  });

  test("never holds more than its maximum number of ranges", () => {
    const cache = new ContentCache<number>(60000, 4, () => 0);
    for (let i = 0; i < 10; i++) cache.get([[i]], 2, () => i);
    expect(cache.misses).toBe(10);
    // The first range was evicted, so asking again rebuilds it.
    expect(cache.get([[0]], 2, () => -1)).toBe(-1);
  });
});
