/** Range.format: alignment, sizes, font, fill, cell protection and borders. */
import { Rect, rectCols, rectRows } from "./address";
import { SimError } from "./errors";
import { formatValue } from "../core/number-format";
import { DEFAULT_FONT, Edge, charsToPoints } from "./model";
import { CollectionBase, ProxyBase, props } from "./proxy";
import { RangeRef, assertEditable, normColor, styleEach, uniform } from "./range-ref";

/** True when no line in first..last has its own size, false when all do, null when mixed. */
function standardness(first: number, last: number, sizes: Map<number, number>): boolean | null {
  let own = 0;
  for (const i of sizes.keys()) if (i >= first && i <= last) own++;
  if (own === 0) return true;
  return own === last - first + 1 ? false : null;
}

export class RangeFormatSim extends ProxyBase {
  protected readonly _typeName = "RangeFormat";
  protected readonly _scalars = [
    "horizontalAlignment",
    "verticalAlignment",
    "wrapText",
    "columnWidth",
    "rowHeight",
    "indentLevel",
    "useStandardWidth",
    "useStandardHeight",
  ];
  protected readonly _children = ["font", "fill", "borders", "protection"];
  readonly font = new RangeFontSim(this.context, `${this._path}.font`, () => this._ref());
  readonly fill = new RangeFillSim(this.context, `${this._path}.fill`, () => this._ref());
  readonly borders = new RangeBorderCollectionSim(this.context, `${this._path}.borders`, () =>
    this._ref()
  );
  readonly protection = new FormatProtectionSim(this.context, `${this._path}.protection`, () =>
    this._ref()
  );

  protected _read(ref: RangeRef, prop: string): unknown {
    const m = this.context.model;
    switch (prop) {
      case "columnWidth": {
        const w = new Set<number>();
        for (let c = ref.rect.left; c <= Math.min(ref.rect.right, ref.rect.left + 1000); c++)
          w.add(ref.sheet.columnWidth(c));
        return w.size === 1 ? [...w][0] : null;
      }
      case "rowHeight": {
        const h = new Set<number>();
        for (let r = ref.rect.top; r <= Math.min(ref.rect.bottom, ref.rect.top + 10000); r++)
          h.add(ref.sheet.rowHeight(r));
        return h.size === 1 ? [...h][0] : null;
      }
      case "useStandardWidth":
        return standardness(ref.rect.left, ref.rect.right, ref.sheet.columnWidths);
      case "useStandardHeight":
        return standardness(ref.rect.top, ref.rect.bottom, ref.sheet.rowHeights);
      case "horizontalAlignment":
        return uniform(ref, (r, c) => m.style(ref.sheet, r, c).horizontalAlignment ?? "General");
      case "verticalAlignment":
        return uniform(ref, (r, c) => m.style(ref.sheet, r, c).verticalAlignment ?? "Bottom");
      case "wrapText":
        return uniform(ref, (r, c) => m.style(ref.sheet, r, c).wrapText ?? false);
      case "indentLevel":
        return uniform(ref, (r, c) => m.style(ref.sheet, r, c).indentLevel ?? 0);
      default:
        throw new SimError("InvalidArgument", `RangeFormat has no property ${prop}.`);
    }
  }

  autofitColumns(): void {
    this._call("autofitColumns", [], (ref: RangeRef) => {
      const m = this.context.model;
      const texts = this.context.model.results(ref.sheet, ref.rect);
      for (let c = 0; c < rectCols(ref.rect); c++) {
        let longest = 0;
        for (let r = 0; r < texts.length; r++) {
          const col = ref.rect.left + c;
          const row = ref.rect.top + r;
          if (ref.sheet.mergeAt(row, col)) continue;
          const t = formatValue(
            texts[r][c],
            m.style(ref.sheet, row, col).numberFormat ?? "General",
            m.decimalSeparator,
            m.thousandsSeparator
          );
          longest = Math.max(longest, t.length);
        }
        if (longest > 0)
          ref.sheet.columnWidths.set(ref.rect.left + c, charsToPoints(Math.min(255, longest + 1)));
      }
      m.touch();
    });
  }
  autofitRows(): void {
    this._call("autofitRows", [], () => undefined);
  }
}
props(
  RangeFormatSim,
  [
    "horizontalAlignment",
    "verticalAlignment",
    "wrapText",
    "columnWidth",
    "rowHeight",
    "indentLevel",
    "useStandardWidth",
    "useStandardHeight",
  ],
  {
    // Office: "only intended to be set to true; setting it to false has no effect".
    useStandardWidth: (ref: RangeRef, v: boolean, self: any) => {
      if (v !== true) return;
      for (const c of [...ref.sheet.columnWidths.keys()])
        if (c >= ref.rect.left && c <= ref.rect.right) ref.sheet.columnWidths.delete(c);
      self.context.model.touch();
    },
    useStandardHeight: (ref: RangeRef, v: boolean, self: any) => {
      if (v !== true) return;
      for (const r of [...ref.sheet.rowHeights.keys()])
        if (r >= ref.rect.top && r <= ref.rect.bottom) ref.sheet.rowHeights.delete(r);
      self.context.model.touch();
    },
    horizontalAlignment: (ref: RangeRef, v: string, self: any) =>
      styleEach(self.context, ref, { horizontalAlignment: v }),
    verticalAlignment: (ref: RangeRef, v: string, self: any) =>
      styleEach(self.context, ref, { verticalAlignment: v }),
    wrapText: (ref: RangeRef, v: boolean, self: any) =>
      styleEach(self.context, ref, { wrapText: v }),
    indentLevel: (ref: RangeRef, v: number, self: any) =>
      styleEach(self.context, ref, { indentLevel: v }),
    columnWidth: (ref: RangeRef, v: number, self: any) => {
      for (let c = ref.rect.left; c <= ref.rect.right; c++) ref.sheet.columnWidths.set(c, v);
      self.context.model.touch();
    },
    rowHeight: (ref: RangeRef, v: number, self: any) => {
      if (rectRows(ref.rect) > 100_000) throw new SimError("GeneralException", "Too many rows.");
      for (let r = ref.rect.top; r <= ref.rect.bottom; r++) ref.sheet.rowHeights.set(r, v);
      self.context.model.touch();
    },
  }
);

const FONT_PROPS = ["name", "size", "bold", "italic", "color", "underline"] as const;

export class RangeFontSim extends ProxyBase {
  protected readonly _typeName = "RangeFont";
  protected readonly _scalars = FONT_PROPS;
  protected _read(ref: RangeRef, prop: string): unknown {
    const m = this.context.model;
    return uniform(ref, (r, c) => {
      const f = m.style(ref.sheet, r, c).font ?? {};
      return (f as any)[prop] ?? (prop === "underline" ? "None" : (DEFAULT_FONT as any)[prop]);
    });
  }
}
props(
  RangeFontSim,
  [...FONT_PROPS],
  Object.fromEntries(
    FONT_PROPS.map((p) => [
      p,
      (ref: RangeRef, v: unknown, self: any) =>
        styleEach(self.context, ref, { font: { [p]: p === "color" ? normColor(v) : v } }),
    ])
  )
);

export class RangeFillSim extends ProxyBase {
  protected readonly _typeName = "RangeFill";
  protected readonly _scalars = ["color"];
  protected _read(ref: RangeRef): unknown {
    const m = this.context.model;
    // Office reports an unfilled cell as white.
    return uniform(ref, (r, c) => m.style(ref.sheet, r, c).fill ?? "#FFFFFF");
  }
  clear(): void {
    this._call("clear", [], (ref: RangeRef) =>
      styleEach(this.context, ref, { fill: null as unknown as string })
    );
  }
}
props(RangeFillSim, ["color"], {
  color: (ref: RangeRef, v: string, self: any) =>
    styleEach(self.context, ref, { fill: normColor(v) }),
});

export class FormatProtectionSim extends ProxyBase {
  protected readonly _typeName = "FormatProtection";
  protected readonly _scalars = ["locked"];
  protected _read(ref: RangeRef): unknown {
    const m = this.context.model;
    return uniform(ref, (r, c) => m.style(ref.sheet, r, c).locked ?? true);
  }
}
props(FormatProtectionSim, ["locked"], {
  // Locking is allowed while protected? No: Excel refuses format changes on a protected sheet.
  locked: (ref: RangeRef, v: boolean, self: any) => styleEach(self.context, ref, { locked: v }),
});

const EDGES: Edge[] = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideVertical",
  "InsideHorizontal",
  "DiagonalDown",
  "DiagonalUp",
];

export class RangeBorderCollectionSim extends CollectionBase<RangeBorderSim> {
  protected readonly _typeName = "RangeBorderCollection";
  protected _list(): RangeBorderSim[] {
    return EDGES.map((e) => this.getItem(e));
  }
  getItem(edge: Edge): RangeBorderSim {
    return new RangeBorderSim(this.context, `${this._path}.getItem(${edge})`, () => ({
      ref: this._ref(),
      edge,
    }));
  }
}

/** Where an edge of a range lands on its cells: EdgeTop is the top side of the first row, etc. */
function edgeCells(rect: Rect, edge: Edge): { r: number; c: number; side: Edge }[] {
  const out: { r: number; c: number; side: Edge }[] = [];
  for (let r = rect.top; r <= rect.bottom; r++) {
    for (let c = rect.left; c <= rect.right; c++) {
      if (edge === "EdgeTop" && r === rect.top) out.push({ r, c, side: "EdgeTop" });
      if (edge === "EdgeBottom" && r === rect.bottom) out.push({ r, c, side: "EdgeBottom" });
      if (edge === "EdgeLeft" && c === rect.left) out.push({ r, c, side: "EdgeLeft" });
      if (edge === "EdgeRight" && c === rect.right) out.push({ r, c, side: "EdgeRight" });
      if (edge === "InsideHorizontal" && r > rect.top) out.push({ r, c, side: "EdgeTop" });
      if (edge === "InsideHorizontal" && r < rect.bottom) out.push({ r, c, side: "EdgeBottom" });
      if (edge === "InsideVertical" && c > rect.left) out.push({ r, c, side: "EdgeLeft" });
      if (edge === "InsideVertical" && c < rect.right) out.push({ r, c, side: "EdgeRight" });
      if (edge === "DiagonalDown" || edge === "DiagonalUp") out.push({ r, c, side: edge });
    }
  }
  return out;
}

export class RangeBorderSim extends ProxyBase {
  protected readonly _typeName = "RangeBorder";
  protected readonly _scalars = ["style", "color", "weight", "sideIndex"];
  protected _read(t: { ref: RangeRef; edge: Edge }, prop: string): unknown {
    if (prop === "sideIndex") return t.edge;
    const m = this.context.model;
    const cells = edgeCells(t.ref.rect, t.edge);
    const vals = new Set(
      cells.map(({ r, c, side }) => {
        const b = m.style(t.ref.sheet, r, c).borders?.[side];
        return prop === "style"
          ? (b?.style ?? "None")
          : prop === "color"
            ? (b?.color ?? "#000000")
            : (b?.weight ?? "Thin");
      })
    );
    return vals.size === 1 ? [...vals][0] : null;
  }
  private patch(field: "style" | "color" | "weight", v: string): void {
    this._set(field, v, (t: { ref: RangeRef; edge: Edge }) => {
      const m = this.context.model;
      assertEditable(t.ref, false, m);
      for (const { r, c, side } of edgeCells(t.ref.rect, t.edge)) {
        const old = m.style(t.ref.sheet, r, c).borders?.[side] ?? {
          style: "Continuous",
          color: "#000000",
          weight: "Thin",
        };
        m.patchStyle(t.ref.sheet, r, c, {
          borders: { [side]: { ...old, [field]: field === "color" ? normColor(v) : v } },
        });
      }
    });
  }
  set style(v: string) {
    this.patch("style", v);
  }
  get style(): string {
    return this._get("style");
  }
  set color(v: string) {
    this.patch("color", v);
  }
  get color(): string {
    return this._get("color");
  }
  set weight(v: string) {
    this.patch("weight", v);
  }
  get weight(): string {
    return this._get("weight");
  }
}
props(RangeBorderSim, ["sideIndex"]);
