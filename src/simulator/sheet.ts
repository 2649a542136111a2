/**
 * A worksheet and its ranges. They live together because they make each other (worksheet.getRange,
 * range.worksheet, the freeze panes' and page layout's ranges), and one file keeps the imports acyclic.
 */
import {
  MAX_COLS,
  MAX_ROWS,
  Rect,
  intersects,
  parseRect,
  qualifiedA1,
  rectCols,
  rectRows,
  splitSheet,
} from "./address";
import { applyCellProperties, cellProperties, pick } from "./cell-properties";
import { ConditionalFormatCollectionSim } from "./conditional-formats";
import { DataValidationSim } from "./data-validation";
import { SimError } from "./errors";
import { SheetModel } from "./model";
import { ClientResult, ProxyBase, ProxyContext, props } from "./proxy";
import { RangeFormatSim } from "./range-format";
import { RangeRef, assertEditable, grid, readRange, setHidden, shaped } from "./range-ref";
import { WorksheetProtectionSim } from "./worksheet-protection";

export class WorksheetSim extends ProxyBase {
  protected readonly _typeName = "Worksheet";
  protected readonly _scalars = [
    "id",
    "name",
    "position",
    "visibility",
    "tabColor",
    "showGridlines",
  ];
  protected readonly _children = ["protection", "pageLayout", "freezePanes"];
  readonly protection: WorksheetProtectionSim;
  readonly pageLayout: PageLayoutSim;
  readonly freezePanes: FreezePanesSim;

  constructor(
    context: ProxyContext,
    path: string,
    resolve: () => SheetModel | null,
    nullable = false
  ) {
    super(context, path, resolve, nullable);
    this.protection = new WorksheetProtectionSim(context, `${path}.protection`, () => this._ref());
    this.pageLayout = new PageLayoutSim(context, `${path}.pageLayout`, () => this._ref());
    this.freezePanes = new FreezePanesSim(context, `${path}.freezePanes`, () => this._ref());
  }

  protected _read(s: SheetModel, prop: string): unknown {
    switch (prop) {
      case "id":
        return s.id;
      case "name":
        return s.name;
      case "position":
        return this.context.model.sheets.indexOf(s);
      case "visibility":
        return s.visibility;
      case "tabColor":
        return s.tabColor;
      case "showGridlines":
        return s.showGridlines;
      default:
        throw new SimError("InvalidArgument", `Worksheet has no property ${prop}.`);
    }
  }

  private range(path: string, rect: (s: SheetModel) => Rect | null, nullable = false): RangeSim {
    return new RangeSim(
      this.context,
      `${this._path}.${path}`,
      () => {
        const s: SheetModel | null = this._ref();
        if (!s) return null;
        const r = rect(s);
        return r ? { sheet: s, rect: r } : null;
      },
      nullable
    );
  }

  getRange(address?: string): RangeSim {
    return this.range(`getRange(${JSON.stringify(address ?? null)})`, (s) => {
      if (address === undefined || address === "")
        return { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 };
      const { sheet, local } = splitSheet(address);
      if (sheet !== undefined && sheet.toLowerCase() !== s.name.toLowerCase()) {
        throw new SimError("InvalidArgument", `The address ${address} is not on sheet ${s.name}.`);
      }
      const r = parseRect(local);
      if (!r) {
        const named = this.context.model.names.find(
          (n) => n.name.toLowerCase() === local.toLowerCase()
        );
        const nr = named ? parseRect(splitSheet(named.formula.slice(1)).local) : null;
        if (nr) return nr;
        throw new SimError(
          "InvalidArgument",
          `The argument is invalid or missing: address "${address}".`
        );
      }
      return r;
    });
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): RangeSim {
    return this.range(`getRangeByIndexes(${row},${col},${rows},${cols})`, () => {
      if (rows < 1 || cols < 1)
        throw new SimError("InvalidArgument", "Row and column counts must be positive.");
      return { top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 };
    });
  }
  getCell(row: number, col: number): RangeSim {
    return this.range(`getCell(${row},${col})`, () => ({
      top: row,
      left: col,
      bottom: row,
      right: col,
    }));
  }
  getUsedRange(valuesOnly = false): RangeSim {
    return this.range(
      `getUsedRange(${valuesOnly})`,
      (s) => this.context.model.usedRect(s, valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 }
    );
  }
  getUsedRangeOrNullObject(valuesOnly = false): RangeSim {
    return this.range(
      `getUsedRangeOrNullObject(${valuesOnly})`,
      (s) => this.context.model.usedRect(s, valuesOnly),
      true
    );
  }
  activate(): void {
    this._call("activate", [], (s: SheetModel) => {
      if (s.visibility !== "Visible")
        throw new SimError("InvalidOperation", "A hidden sheet cannot be activated.");
      this.context.model.activeSheetId = s.id;
      this.context.model.touch();
    });
  }
  delete(): void {
    this._call("delete", [], (s: SheetModel) => this.context.model.deleteSheet(s));
  }
}
props(WorksheetSim, ["id", "name", "position", "visibility", "tabColor", "showGridlines"], {
  name: (s: SheetModel, v: string, self: WorksheetSim) => self.context.model.renameSheet(s, v),
  position: (s: SheetModel, v: number, self: WorksheetSim) => self.context.model.moveSheet(s, v),
  visibility: (s: SheetModel, v: SheetModel["visibility"], self: WorksheetSim) => {
    if (
      v !== "Visible" &&
      self.context.model.sheets.filter((x) => x.visibility === "Visible" && x !== s).length === 0
    ) {
      throw new SimError("InvalidOperation", "A workbook must keep at least one visible sheet.");
    }
    s.visibility = v;
    self.context.model.touch();
  },
  tabColor: (s: SheetModel, v: string) => (s.tabColor = v),
  showGridlines: (s: SheetModel, v: boolean) => (s.showGridlines = v),
});

export class FreezePanesSim extends ProxyBase {
  protected readonly _typeName = "WorksheetFreezePanes";
  protected readonly _scalars = [];
  protected _read(): unknown {
    return undefined;
  }
  private set(f: (s: SheetModel) => SheetModel["freeze"], method: string, args: unknown[]): void {
    this._call(method, args, (s: SheetModel) => {
      s.freeze = f(s);
      this.context.model.touch();
    });
  }
  freezeRows(count = 1): void {
    this.set(() => (count > 0 ? { rows: count, columns: 0 } : null), "freezeRows", [count]);
  }
  freezeColumns(count = 1): void {
    this.set(() => (count > 0 ? { rows: 0, columns: count } : null), "freezeColumns", [count]);
  }
  freezeAt(range: string | RangeSim): void {
    const addr = typeof range === "string" ? range : null;
    this.set(
      () => {
        const rect =
          addr !== null ? parseRect(splitSheet(addr).local) : (range as RangeSim)._must().rect;
        if (!rect) throw new SimError("InvalidArgument", "Bad freeze range.");
        return { rows: rect.bottom + 1, columns: rect.right + 1 };
      },
      "freezeAt",
      [addr ?? "range"]
    );
  }
  unfreeze(): void {
    this.set(() => null, "unfreeze", []);
  }
  getLocationOrNullObject(): RangeSim {
    return new RangeSim(
      this.context,
      `${this._path}.getLocationOrNullObject()`,
      () => {
        const s: SheetModel = this._must();
        if (!s.freeze) return null;
        return {
          sheet: s,
          rect: {
            top: 0,
            left: 0,
            bottom: Math.max(0, s.freeze.rows - 1),
            right: Math.max(0, s.freeze.columns - 1),
          },
        };
      },
      true
    );
  }
}

const MARGINS = [
  "topMargin",
  "bottomMargin",
  "leftMargin",
  "rightMargin",
  "headerMargin",
  "footerMargin",
] as const;
const marginKey = (p: string): keyof SheetModel["pageLayout"]["margins"] =>
  p.replace("Margin", "") as keyof SheetModel["pageLayout"]["margins"];

export class PageLayoutSim extends ProxyBase {
  protected readonly _typeName = "PageLayout";
  protected readonly _scalars = [
    "orientation",
    "paperSize",
    "zoom",
    "centerHorizontally",
    ...MARGINS,
  ];
  protected _read(s: SheetModel, prop: string): unknown {
    const pl = s.pageLayout;
    if ((MARGINS as readonly string[]).includes(prop)) return pl.margins[marginKey(prop)];
    if (prop === "zoom") return { ...pl.zoom };
    return (pl as any)[prop];
  }
  setPrintTitleRows(address: string | RangeSim): void {
    const a = typeof address === "string" ? address : null;
    this._call("setPrintTitleRows", [a], (s: SheetModel) => {
      s.pageLayout.printTitleRows = a ?? (address as RangeSim)._address();
    });
  }
  setPrintTitleColumns(address: string | RangeSim): void {
    const a = typeof address === "string" ? address : null;
    this._call("setPrintTitleColumns", [a], (s: SheetModel) => {
      s.pageLayout.printTitleColumns = a ?? (address as RangeSim)._address();
    });
  }
  setPrintArea(address: string | RangeSim): void {
    const a = typeof address === "string" ? address : null;
    this._call("setPrintArea", [a], (s: SheetModel) => {
      s.pageLayout.printArea = a ?? (address as RangeSim)._address();
    });
  }
  getPrintTitleRowsOrNullObject(): RangeSim {
    return new RangeSim(
      this.context,
      `${this._path}.getPrintTitleRowsOrNullObject()`,
      () => {
        const s: SheetModel = this._must();
        const r = s.pageLayout.printTitleRows
          ? parseRect(splitSheet(s.pageLayout.printTitleRows).local)
          : null;
        return r ? { sheet: s, rect: r } : null;
      },
      true
    );
  }
}
props(PageLayoutSim, ["orientation", "paperSize", "zoom", "centerHorizontally", ...MARGINS], {
  orientation: (s: SheetModel, v: any) => (s.pageLayout.orientation = v),
  paperSize: (s: SheetModel, v: any) => (s.pageLayout.paperSize = v),
  zoom: (s: SheetModel, v: any) => (s.pageLayout.zoom = { ...v }),
  centerHorizontally: (s: SheetModel, v: boolean) => (s.pageLayout.centerHorizontally = v),
  ...Object.fromEntries(
    MARGINS.map((m) => [m, (s: SheetModel, v: number) => (s.pageLayout.margins[marginKey(m)] = v)])
  ),
});

const RANGE_SCALARS = [
  "address",
  "addressLocal",
  "values",
  "formulas",
  "numberFormat",
  "valueTypes",
  "text",
  "rowIndex",
  "columnIndex",
  "rowCount",
  "columnCount",
  "cellCount",
  "isEntireColumn",
  "isEntireRow",
  "rowHidden",
  "columnHidden",
  "hasSpill",
];

export class RangeSim extends ProxyBase {
  protected readonly _typeName = "Range";
  protected readonly _scalars = RANGE_SCALARS;
  protected readonly _children = ["format", "worksheet", "dataValidation"];
  private _format?: RangeFormatSim;
  private _dv?: DataValidationSim;
  private _cf?: ConditionalFormatCollectionSim;
  private _ws?: WorksheetSim;

  constructor(
    context: ProxyContext,
    path: string,
    resolve: () => RangeRef | null,
    nullable = false
  ) {
    super(context, path, resolve, nullable);
  }

  get format(): RangeFormatSim {
    return (this._format ??= new RangeFormatSim(this.context, `${this._path}.format`, () =>
      this._ref()
    ));
  }
  get dataValidation(): DataValidationSim {
    return (this._dv ??= new DataValidationSim(this.context, `${this._path}.dataValidation`, () =>
      this._ref()
    ));
  }
  get conditionalFormats(): ConditionalFormatCollectionSim {
    return (this._cf ??= new ConditionalFormatCollectionSim(
      this.context,
      `${this._path}.conditionalFormats`,
      () => this._ref()
    ));
  }
  get worksheet(): WorksheetSim {
    return (this._ws ??= new WorksheetSim(
      this.context,
      `${this._path}.worksheet`,
      () => (this._ref() as RangeRef | null)?.sheet ?? null
    ));
  }

  _address(): string {
    const ref: RangeRef = this._must();
    return qualifiedA1(ref.sheet.name, ref.rect);
  }

  protected _read(ref: RangeRef, prop: string): unknown {
    return readRange(this.context.model, ref, prop);
  }

  private derived(path: string, f: (ref: RangeRef) => Rect): RangeSim {
    return new RangeSim(this.context, `${this._path}.${path}`, () => {
      const ref: RangeRef = this._must();
      const r = f(ref);
      if (
        r.top < 0 ||
        r.left < 0 ||
        r.bottom >= MAX_ROWS ||
        r.right >= MAX_COLS ||
        r.bottom < r.top ||
        r.right < r.left
      ) {
        throw new SimError("InvalidArgument", `The range ${path} falls outside the sheet.`);
      }
      return { sheet: ref.sheet, rect: r };
    });
  }

  getCell(row: number, col: number): RangeSim {
    return this.derived(`getCell(${row},${col})`, ({ rect }) => ({
      top: rect.top + row,
      left: rect.left + col,
      bottom: rect.top + row,
      right: rect.left + col,
    }));
  }
  getResizedRange(dRows: number, dCols: number): RangeSim {
    return this.derived(`getResizedRange(${dRows},${dCols})`, ({ rect }) => ({
      ...rect,
      bottom: rect.bottom + dRows,
      right: rect.right + dCols,
    }));
  }
  getOffsetRange(dRows: number, dCols: number): RangeSim {
    return this.derived(`getOffsetRange(${dRows},${dCols})`, ({ rect }) => ({
      top: rect.top + dRows,
      bottom: rect.bottom + dRows,
      left: rect.left + dCols,
      right: rect.right + dCols,
    }));
  }
  getRow(i: number): RangeSim {
    return this.derived(`getRow(${i})`, ({ rect }) => ({
      ...rect,
      top: rect.top + i,
      bottom: rect.top + i,
    }));
  }
  getColumn(i: number): RangeSim {
    return this.derived(`getColumn(${i})`, ({ rect }) => ({
      ...rect,
      left: rect.left + i,
      right: rect.left + i,
    }));
  }
  getLastRow(): RangeSim {
    return this.derived("getLastRow()", ({ rect }) => ({ ...rect, top: rect.bottom }));
  }
  getEntireColumn(): RangeSim {
    return this.derived("getEntireColumn()", ({ rect }) => ({
      ...rect,
      top: 0,
      bottom: MAX_ROWS - 1,
    }));
  }
  getEntireRow(): RangeSim {
    return this.derived("getEntireRow()", ({ rect }) => ({
      ...rect,
      left: 0,
      right: MAX_COLS - 1,
    }));
  }

  private write(
    prop: string,
    v: unknown,
    each: (ref: RangeRef, r: number, c: number, x: unknown) => void,
    contentOnly: boolean
  ): void {
    this._set(prop, v, (ref: RangeRef) => {
      assertEditable(ref, contentOnly, this.context.model);
      const at = shaped(ref, v, prop);
      for (let r = 0; r < rectRows(ref.rect); r++) {
        for (let c = 0; c < rectCols(ref.rect); c++)
          each(ref, ref.rect.top + r, ref.rect.left + c, at(r, c));
      }
    });
  }

  // In Office a null inside the array means "leave this cell as it is".
  set values(v: unknown) {
    this.write(
      "values",
      v,
      (ref, r, c, x) =>
        x !== null && x !== undefined && this.context.model.enter(ref.sheet, r, c, x),
      true
    );
  }
  get values(): any {
    return this._get("values");
  }
  set formulas(v: unknown) {
    this.write(
      "formulas",
      v,
      (ref, r, c, x) =>
        x !== null && x !== undefined && this.context.model.enter(ref.sheet, r, c, x),
      true
    );
  }
  get formulas(): any {
    return this._get("formulas");
  }
  set numberFormat(v: unknown) {
    this.write(
      "numberFormat",
      v,
      (ref, r, c, x) =>
        x !== null &&
        x !== undefined &&
        this.context.model.patchStyle(ref.sheet, r, c, { numberFormat: String(x) }),
      false
    );
  }
  get numberFormat(): any {
    return this._get("numberFormat");
  }

  merge(across = false): void {
    this._call("merge", [across], (ref: RangeRef) => {
      assertEditable(ref, false, this.context.model);
      this.context.model.merge(ref.sheet, ref.rect, across);
    });
  }
  unmerge(): void {
    this._call("unmerge", [], (ref: RangeRef) => {
      assertEditable(ref, false, this.context.model);
      this.context.model.unmerge(ref.sheet, ref.rect);
    });
  }
  select(): void {
    this._call("select", [], (ref: RangeRef) => {
      const m = this.context.model;
      m.activeSheetId = ref.sheet.id;
      m.selection = { sheetId: ref.sheet.id, rect: { ...ref.rect } };
      m.touch();
    });
  }
  /**
   * Excel.ClearApplyTo: "All" empties values, formulas and formats and, like Excel's Clear All, drops
   * merges and data validation; "Formats" unmerges (a merge is a format to Excel) and keeps values;
   * "Contents" keeps formats. Hyperlinks are not modelled, so those two are no-ops. Column widths
   * and row heights are not formats: no mode resets them (RangeFormat.useStandardWidth does).
   */
  clear(applyTo: string = "All"): void {
    this._call("clear", [applyTo], (ref: RangeRef) => {
      const m = this.context.model;
      if (applyTo === "Hyperlinks" || applyTo === "RemoveHyperlinks") return;
      if (!["All", "Contents", "Formats", "ResetContents"].includes(applyTo))
        throw new SimError("InvalidArgument", `Unknown ClearApplyTo "${applyTo}".`);
      assertEditable(ref, applyTo === "Contents" || applyTo === "ResetContents", m);
      if (applyTo !== "Formats") m.clearContents(ref.sheet, ref.rect);
      if (applyTo === "All" || applyTo === "Formats") {
        m.clearFormats(ref.sheet, ref.rect);
        m.unmerge(ref.sheet, ref.rect);
      }
      if (applyTo === "All")
        ref.sheet.validations = ref.sheet.validations.filter((x) => !intersects(x.range, ref.rect));
    });
  }

  /** ExcelApi 1.12: the whole spill of the formula in the range's top-left cell. */
  getSpillingToRangeOrNullObject(): RangeSim {
    return new RangeSim(
      this.context,
      `${this._path}.getSpillingToRangeOrNullObject()`,
      () => {
        const ref: RangeRef = this._must();
        const r = this.context.model.spillRect(ref.sheet, ref.rect.top, ref.rect.left);
        return r ? { sheet: ref.sheet, rect: r } : null;
      },
      true
    );
  }

  /** ExcelApi 1.12: the anchor cell of the spill the range's top-left cell belongs to. */
  getSpillParentOrNullObject(): RangeSim {
    return new RangeSim(
      this.context,
      `${this._path}.getSpillParentOrNullObject()`,
      () => {
        const ref: RangeRef = this._must();
        const p = this.context.model.spillParent(ref.sheet, ref.rect.top, ref.rect.left);
        return p
          ? { sheet: ref.sheet, rect: { top: p.row, left: p.col, bottom: p.row, right: p.col } }
          : null;
      },
      true
    );
  }

  getMergedAreasOrNullObject(): RangeAreasSim {
    return new RangeAreasSim(
      this.context,
      `${this._path}.getMergedAreasOrNullObject()`,
      () => {
        const ref: RangeRef = this._must();
        const areas = ref.sheet.merges.filter((x) => intersects(x, ref.rect));
        return areas.length ? { sheet: ref.sheet, areas } : null;
      },
      true
    );
  }

  getCellProperties(options: Record<string, any>): ClientResult<any[][]> {
    const result = new ClientResult<any[][]>("Range");
    this.context.enqueue({ path: this._path, call: "getCellProperties", args: [options] }, () => {
      const ref: RangeRef = this._must();
      const out = grid(ref, (r, c) =>
        pick(cellProperties(this.context.model, ref.sheet, r, c), options)
      );
      this.context.countResponse(out);
      result._resolve(out);
    });
    return result;
  }

  setCellProperties(values: any[][]): void {
    this._call("setCellProperties", [values], (ref: RangeRef) => {
      const m = this.context.model;
      assertEditable(ref, false, m);
      const at = shaped(ref, values, "setCellProperties");
      for (let r = 0; r < rectRows(ref.rect); r++) {
        for (let c = 0; c < rectCols(ref.rect); c++) {
          const p = at(r, c) as any;
          if (p) applyCellProperties(m, ref.sheet, ref.rect.top + r, ref.rect.left + c, p);
        }
      }
    });
  }
}
props(
  RangeSim,
  RANGE_SCALARS.filter((p) => !["values", "formulas", "numberFormat"].includes(p)),
  {
    rowHidden: (ref: RangeRef, v: unknown, self: RangeSim) =>
      setHidden(ref, v, "rowHidden", self.context.model),
    columnHidden: (ref: RangeRef, v: unknown, self: RangeSim) =>
      setHidden(ref, v, "columnHidden", self.context.model),
  }
);

export class RangeAreasSim extends ProxyBase {
  protected readonly _typeName = "RangeAreas";
  protected readonly _scalars = ["address", "areaCount"];
  protected _read(t: { sheet: SheetModel; areas: Rect[] }, prop: string): unknown {
    if (prop === "areaCount") return t.areas.length;
    return t.areas.map((a) => qualifiedA1(t.sheet.name, a)).join(",");
  }
}
props(RangeAreasSim, ["address", "areaCount"]);
