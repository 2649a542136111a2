/**
 * Why a cache: a sheet has one =THIDUA.RANK(H5, $H$5:$H$400) per unit, and Excel evaluates each cell as
 * its own call with its own copy of the range. Without sharing, 400 cells each parse and rank 400
 * totals (N1 text, R10 rounding, K2 ranks): O(n² log n) per recalculation. With it, the first call
 * ranks once and the other 399 only recognise the same contents and look their value up.
 *
 * How the range is recognised: Excel hands every call a NEW array object, so identity (a WeakMap on the
 * array) never hits there; it does hit when one caller reuses the object (the HyperFormula bridge
 * within one evaluation, array formulas). So: identity first, then a cheap hash of the contents,
 * confirmed value by value against the stored copy: a hash collision can cost time, never a wrong rank.
 *
 * Why a short lifetime: entries only need to live through one recalculation burst; after that the
 * totals have usually changed and the entry is memory held for nothing. Expiry is checked on access
 * (no timers: a timer would keep a Node process alive and means nothing to Excel's runtime).
 */

const LIFETIME_MS = 2000;
const MAX_ENTRIES = 32;

export interface RankEntry<T> {
  value: T;
  raw: unknown[];
  precision: number;
  born: number;
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

function mix(h: number, x: number): number {
  return Math.imul(h ^ x, 0x01000193) >>> 0;
}

/** FNV-1a over the cell values: numbers by their bits, text by its code units. O(n), no allocation. */
export function hashCells(raw: unknown[], precision: number): number {
  let h = mix(0x811c9dc5, precision + 1);
  for (const v of raw) {
    if (typeof v === "number") {
      f64[0] = v;
      h = mix(mix(h, u32[0]), u32[1]);
    } else if (typeof v === "string") {
      h = mix(h, 0x73);
      for (let i = 0; i < v.length; i++) h = mix(h, v.charCodeAt(i));
    } else if (v === null || v === undefined || v === "") {
      h = mix(h, 0x6e);
    } else if (typeof v === "boolean") {
      h = mix(h, v ? 0x74 : 0x66);
    } else {
      // Error objects: hash their code; equality below compares the same way.
      h = mix(h, 0x65);
      const code = String(
        (v as { code?: unknown; type?: unknown }).code ?? (v as { type?: unknown }).type
      );
      for (let i = 0; i < code.length; i++) h = mix(h, code.charCodeAt(i));
    }
  }
  return mix(h, raw.length);
}

function cellKey(v: unknown): unknown {
  if (v === undefined || v === "") return null;
  if (typeof v === "object" && v !== null) {
    return `#err:${String((v as { code?: unknown; type?: unknown }).code ?? (v as { type?: unknown }).type)}`;
  }
  return v;
}

function sameCells(a: unknown[], b: unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (cellKey(a[i]) !== cellKey(b[i])) return false;
  return true;
}

/** The range's cells in row order, as handed to us (a single value counts as a 1×1 range). */
export function flatCells(range: unknown): unknown[] {
  if (!Array.isArray(range)) return [range];
  const out: unknown[] = [];
  for (const row of range) {
    if (Array.isArray(row)) for (const v of row) out.push(v);
    else out.push(row);
  }
  return out;
}

export class ContentCache<T> {
  private byObject = new WeakMap<object, RankEntry<T>[]>();
  private byHash = new Map<number, RankEntry<T>[]>();
  private size = 0;
  hits = 0;
  misses = 0;

  constructor(
    private readonly lifetimeMs = LIFETIME_MS,
    private readonly maxEntries = MAX_ENTRIES,
    private readonly now: () => number = () => Date.now(),
    private readonly hash: (raw: unknown[], precision: number) => number = hashCells
  ) {}

  /** The value built by `build` for these contents at this precision, shared while it is fresh. */
  get(range: unknown, precision: number, build: (raw: unknown[]) => T): T {
    const t = this.now();
    if (typeof range === "object" && range !== null) {
      const list = this.byObject.get(range);
      const e = list?.find((x) => x.precision === precision && t - x.born <= this.lifetimeMs);
      if (e) {
        this.hits++;
        return e.value;
      }
    }
    const raw = flatCells(range);
    const h = this.hash(raw, precision);
    const bucket = this.byHash.get(h);
    let entry = bucket?.find(
      (x) => x.precision === precision && t - x.born <= this.lifetimeMs && sameCells(x.raw, raw)
    );
    if (entry) {
      this.hits++;
    } else {
      this.misses++;
      this.evict(t);
      // A copy of the cells: the caller may reuse or mutate its array after we return.
      entry = { value: build(raw), raw: raw.slice(), precision, born: t };
      const b = this.byHash.get(h);
      if (b) b.push(entry);
      else this.byHash.set(h, [entry]);
      this.size++;
    }
    if (typeof range === "object" && range !== null) {
      const list = this.byObject.get(range) ?? [];
      list.push(entry);
      this.byObject.set(range, list);
    }
    return entry.value;
  }

  clear(): void {
    this.byObject = new WeakMap();
    this.byHash.clear();
    this.size = 0;
    this.hits = 0;
    this.misses = 0;
  }

  private evict(t: number): void {
    if (this.size < this.maxEntries) {
      // Cheap path: only sweep when an old entry could be waiting.
      let stale = false;
      for (const b of this.byHash.values())
        if (b.some((x) => t - x.born > this.lifetimeMs)) stale = true;
      if (!stale) return;
    }
    for (const [h, b] of this.byHash) {
      const keep =
        this.size >= this.maxEntries ? [] : b.filter((x) => t - x.born <= this.lifetimeMs);
      this.size -= b.length - keep.length;
      if (keep.length === 0) this.byHash.delete(h);
      else this.byHash.set(h, keep);
    }
  }
}
