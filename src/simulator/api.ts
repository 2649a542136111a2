/**
 * Office-shaped proxies over the WorkbookModel: the subset of the Excel JavaScript API that src/excel
 * uses, with the protocol Office enforces. Reads need `load` + `context.sync()` (else PropertyNotLoaded),
 * writes and method calls are queued and applied at `sync()` in order, `*OrNullObject` answers
 * `isNullObject` after a sync, failures reject the sync with an OfficeExtension-like error.
 * Every sync is counted with the bytes of its request (queued writes, calls and loads as JSON).
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
import { SimError, propertyNotLoaded } from "./errors";
import { formatValue } from "./format";
import {
  CellResult,
  CellStyle,
  DEFAULT_FONT,
  Edge,
  SheetModel,
  WorkbookModel,
  charsToPoints,
  namespaceOf,
} from "./model";

/**
 * Excel on the web rejects a request, and refuses a response, above 5 MB; desktop allows more, but
 * the add-in must run on both.
 */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

export interface SyncStats {
  syncs: number;
  /** Request bytes per sync, in order. */
  requestBytes: number[];
  /** Response bytes per sync (loaded values as JSON), in order. */
  responseBytes: number[];
}

export interface SimHost {
  model: WorkbookModel;
  stats: SyncStats;
  payloadLimitBytes: number;
}

interface Op {
  payload: unknown;
  run: () => void;
}

const encoder = new TextEncoder();
const bytesOf = (x: unknown): number => encoder.encode(JSON.stringify(x) ?? "").length;

// ----------------------------------------------------------------------------------------------
// Request context, results, base proxy
// ----------------------------------------------------------------------------------------------

export class ClientResult<T> {
  private _value: T | undefined;
  private _ready = false;
  constructor(private readonly owner: string) {}
  _resolve(v: T): void {
    this._value = v;
    this._ready = true;
  }
  get value(): T {
    if (!this._ready) throw propertyNotLoaded("value", this.owner);
    return this._value as T;
  }
}

export class RequestContextSim {
  readonly workbook: WorkbookSim;
  readonly application: ApplicationSim;
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
  /** Ops queued since the last sync. */
  private queue: Op[] = [];
  /** Null-object proxies created since the last sync: resolved at the sync so isNullObject works. */
  pendingNullables: ProxyBase[] = [];
  private responseBytes = 0;

  constructor(readonly host: SimHost) {
    this.workbook = new WorkbookSim(this, "workbook");
    this.application = this.workbook.application;
  }

  get model(): WorkbookModel {
    return this.host.model;
  }

  enqueue(payload: unknown, run: () => void): void {
    this.queue.push({ payload, run });
  }

  countResponse(x: unknown): void {
    this.responseBytes += bytesOf(x);
  }

  /** True when something is waiting to be sent (Office skips the round trip otherwise). */
  get hasPending(): boolean {
    return this.queue.length > 0 || this.pendingNullables.length > 0;
  }

  async sync<T>(passThrough?: T): Promise<T> {
    const ops = this.queue;
    const nullables = this.pendingNullables;
    this.queue = [];
    this.pendingNullables = [];
    if (ops.length === 0 && nullables.length === 0) return passThrough as T;
    const request = bytesOf(ops.map((o) => o.payload));
    const stats = this.host.stats;
    stats.syncs++;
    stats.requestBytes.push(request);
    this.responseBytes = 0;
    if (request > this.host.payloadLimitBytes) {
      stats.responseBytes.push(0);
      throw new SimError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit (${request} bytes > ${this.host.payloadLimitBytes}).`
      );
    }
    try {
      this.model.batch(() => {
        for (const op of ops) op.run();
        for (const p of nullables) p._touch();
      });
    } finally {
      stats.responseBytes.push(this.responseBytes);
    }
    // The answer is limited too (Excel on the web): loads of a huge used range fail as a whole.
    if (this.responseBytes > this.host.payloadLimitBytes)
      throw new SimError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size has exceeded the limit (${this.responseBytes} bytes > ${this.host.payloadLimitBytes}).`
      );
    // Office answers asynchronously; awaiting a tick keeps callers honest about ordering.
    await Promise.resolve();
    return passThrough as T;
  }
}

type LoadOption =
  | string
  | string[]
  | { select?: string | string[]; expand?: string | string[] }
  | Record<string, boolean>;

function parseLoad(opt?: LoadOption): string[] | null {
  if (opt === undefined) return null;
  if (typeof opt === "string")
    return opt
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(opt))
    return opt
      .flatMap((s) => s.split(","))
      .map((s) => s.trim())
      .filter(Boolean);
  const o = opt as Record<string, unknown>;
  if ("select" in o || "expand" in o) {
    return [
      ...(parseLoad(o.select as string | string[]) ?? []),
      ...(parseLoad(o.expand as string | string[]) ?? []),
    ];
  }
  return Object.entries(o)
    .filter(([, v]) => v)
    .map(([k]) => k);
}

/**
 * A proxy for one API object. `resolver` runs at sync time, once: the object is bound when the first
 * queued op reaches it, as Office binds a path to an object reference.
 */
export abstract class ProxyBase {
  protected _loaded: Record<string, unknown> = {};
  private _bound = false;
  private _target: unknown = null;
  private _synced = false;
  protected abstract readonly _typeName: string;
  /** Scalar properties loaded by a bare `load()`. */
  protected abstract readonly _scalars: readonly string[];
  /** Navigation properties: load("format/font/bold") walks into them. */
  protected readonly _children: readonly string[] = [];

  constructor(
    readonly context: RequestContextSim,
    protected readonly _path: string,
    private readonly _resolver: () => unknown,
    readonly _nullable = false
  ) {
    if (_nullable) context.pendingNullables.push(this);
  }

  /** Binds (once) and returns the model object; null for a null object. */
  _ref(): any {
    if (!this._bound) {
      this._target = this._resolver();
      this._bound = true;
    }
    this._synced = true;
    return this._target;
  }

  _touch(): void {
    this._ref();
  }

  /** The bound model object, or an error for a null object being used. */
  _must(): any {
    const t = this._ref();
    if (t === null || t === undefined) {
      throw new SimError(
        "InvalidObjectPath",
        `The object ${this._path} does not exist (null object).`
      );
    }
    return t;
  }

  get isNullObject(): boolean {
    if (!this._synced) throw propertyNotLoaded("isNullObject", this._typeName);
    return this._target === null || this._target === undefined;
  }

  protected _get<T>(prop: string): T {
    if (!(prop in this._loaded)) throw propertyNotLoaded(prop, this._typeName);
    return this._loaded[prop] as T;
  }

  protected _set(prop: string, value: unknown, apply: (target: any) => void): void {
    this._loaded[prop] = value;
    this.context.enqueue({ path: this._path, set: prop, value }, () => apply(this._must()));
  }

  protected _call(method: string, args: unknown[], run: (target: any) => void): void {
    this.context.enqueue({ path: this._path, call: method, args }, () => run(this._must()));
  }

  /** Reads one scalar property from the model object (subclasses). */
  protected abstract _read(target: any, prop: string): unknown;

  load(option?: LoadOption): this {
    const props = parseLoad(option) ?? [...this._scalars];
    const own: string[] = [];
    const nested = new Map<string, string[]>();
    for (const p of props) {
      const slash = p.indexOf("/");
      const head = slash < 0 ? p : p.slice(0, slash);
      if (this._children.includes(head)) {
        const rest = slash < 0 ? "" : p.slice(slash + 1);
        nested.set(head, [...(nested.get(head) ?? []), ...(rest ? [rest] : [])]);
      } else own.push(p);
    }
    for (const [child, sub] of nested) {
      const c = (this as any)[child] as ProxyBase;
      c.load(sub.length ? sub : undefined);
    }
    if (own.length > 0 || nested.size === 0) {
      this.context.enqueue({ path: this._path, load: own }, () => {
        const t = this._ref();
        if (t === null || t === undefined) return;
        for (const p of own) {
          const v = this._read(t, p);
          this._loaded[p] = v;
          this.context.countResponse(v);
        }
      });
    }
    return this;
  }

  toJSON(): Record<string, unknown> {
    return { ...this._loaded };
  }
}

/** Installs getters (and setters) that go through the load/queue protocol. */
function props(
  cls: any,
  readable: string[],
  writable: Record<string, (target: any, v: any, self: any) => void> = {}
): void {
  for (const p of new Set([...readable, ...Object.keys(writable)])) {
    const w = writable[p];
    Object.defineProperty(cls.prototype, p, {
      configurable: true,
      get(this: any) {
        return this._get(p);
      },
      set: w
        ? function (this: any, v: unknown) {
            this._set(p, v, (t: any) => w(t, v, this));
          }
        : undefined,
    });
  }
}

// ----------------------------------------------------------------------------------------------
// Collections
// ----------------------------------------------------------------------------------------------

abstract class CollectionBase<P extends ProxyBase> extends ProxyBase {
  protected readonly _scalars = ["items"] as const;
  private _items: P[] | null = null;

  protected abstract _list(target: any): P[];

  get items(): P[] {
    if (!this._items) throw propertyNotLoaded("items", this._typeName);
    return this._items;
  }

  protected _read(): unknown {
    return undefined;
  }

  load(option?: LoadOption): this {
    const raw = parseLoad(option) ?? [];
    // "items/name", "name" and "items" all mean: the items, with these properties.
    const sub = raw.map((p) => p.replace(/^items\/?/, "")).filter(Boolean);
    this.context.enqueue({ path: this._path, load: raw.length ? raw : ["items"] }, () => {
      const t = this._ref();
      const list = t === null || t === undefined ? [] : this._list(t);
      this._items = list;
      for (const item of list) {
        item._ref();
        const p = parseLoad(sub.length ? sub : undefined) ?? [...(item as any)._scalars];
        for (const prop of p) {
          if (prop.includes("/")) continue;
          const v = (item as any)._read(item._ref(), prop);
          (item as any)._loaded[prop] = v;
          this.context.countResponse(v);
        }
      }
    });
    return this;
  }

  getCount(): ClientResult<number> {
    const r = new ClientResult<number>(this._typeName);
    this.context.enqueue({ path: this._path, call: "getCount" }, () => {
      const t = this._ref();
      r._resolve(t === null || t === undefined ? 0 : this._list(t).length);
    });
    return r;
  }
}

// ----------------------------------------------------------------------------------------------
// Application, workbook
// ----------------------------------------------------------------------------------------------

export class NumberFormatInfoSim extends ProxyBase {
  protected readonly _typeName = "NumberFormatInfo";
  protected readonly _scalars = ["numberDecimalSeparator", "numberGroupSeparator"];
  protected _read(_t: any, prop: string): unknown {
    const m = this.context.model;
    return prop === "numberDecimalSeparator" ? m.decimalSeparator : m.thousandsSeparator;
  }
}
props(NumberFormatInfoSim, ["numberDecimalSeparator", "numberGroupSeparator"]);

export class CultureInfoSim extends ProxyBase {
  protected readonly _typeName = "CultureInfo";
  protected readonly _scalars = ["name"];
  protected readonly _children = ["numberFormat"];
  readonly numberFormat = new NumberFormatInfoSim(
    this.context,
    `${this._path}.numberFormat`,
    () => ({})
  );
  protected _read(): unknown {
    return this.context.model.decimalSeparator === "," ? "vi-VN" : "en-US";
  }
}
props(CultureInfoSim, ["name"]);

export class ApplicationSim extends ProxyBase {
  protected readonly _typeName = "Application";
  protected readonly _scalars = [
    "calculationMode",
    "decimalSeparator",
    "thousandsSeparator",
    "useSystemSeparators",
  ];
  protected readonly _children = ["cultureInfo"];
  readonly cultureInfo = new CultureInfoSim(this.context, "application.cultureInfo", () => ({}));
  protected _read(_t: any, prop: string): unknown {
    const m = this.context.model;
    if (prop === "calculationMode") return "Automatic";
    if (prop === "decimalSeparator") return m.decimalSeparator;
    if (prop === "thousandsSeparator") return m.thousandsSeparator;
    return true;
  }
  calculate(): void {
    this._call("calculate", [], () => this.context.model.flush());
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this._call("suspendScreenUpdatingUntilNextSync", [], () => undefined);
  }
  suspendApiCalculationUntilNextSync(): void {
    this._call("suspendApiCalculationUntilNextSync", [], () => undefined);
  }
}
props(ApplicationSim, [
  "calculationMode",
  "decimalSeparator",
  "thousandsSeparator",
  "useSystemSeparators",
]);

export class WorkbookSim extends ProxyBase {
  protected readonly _typeName = "Workbook";
  protected readonly _scalars = ["name"];
  protected readonly _children = ["worksheets", "names", "customXmlParts", "application"];
  readonly application: ApplicationSim;
  readonly worksheets: WorksheetCollectionSim;
  readonly names: NamedItemCollectionSim;
  readonly customXmlParts: CustomXmlPartCollectionSim;

  constructor(context: RequestContextSim, path: string) {
    super(context, path, () => context.model);
    this.application = new ApplicationSim(context, "application", () => context.model);
    this.worksheets = new WorksheetCollectionSim(context, "worksheets", () => context.model);
    this.names = new NamedItemCollectionSim(context, "names", () => context.model);
    this.customXmlParts = new CustomXmlPartCollectionSim(
      context,
      "customXmlParts",
      () => context.model
    );
  }
  protected _read(): unknown {
    return "Book1.xlsx";
  }
  getSelectedRange(): RangeSim {
    return new RangeSim(this.context, "workbook.getSelectedRange()", () => {
      const m = this.context.model;
      const sel = m.selection;
      const sheet = (sel && m.sheetById(sel.sheetId)) || m.activeSheet();
      return {
        sheet,
        rect: sel && sel.sheetId === sheet.id ? sel.rect : { top: 0, left: 0, bottom: 0, right: 0 },
      };
    });
  }
  getActiveCell(): RangeSim {
    return new RangeSim(this.context, "workbook.getActiveCell()", () => {
      const m = this.context.model;
      const sel = m.selection;
      const sheet = (sel && m.sheetById(sel.sheetId)) || m.activeSheet();
      const r =
        sel && sel.sheetId === sheet.id ? sel.rect : { top: 0, left: 0, bottom: 0, right: 0 };
      return { sheet, rect: { top: r.top, left: r.left, bottom: r.top, right: r.left } };
    });
  }
}
props(WorkbookSim, ["name"]);

// ----------------------------------------------------------------------------------------------
// Worksheets
// ----------------------------------------------------------------------------------------------

export class WorksheetCollectionSim extends CollectionBase<WorksheetSim> {
  protected readonly _typeName = "WorksheetCollection";
  protected _list(m: WorkbookModel): WorksheetSim[] {
    return m.sheets.map((s) => this.sheetProxy(`worksheets[${s.id}]`, () => s));
  }
  private sheetProxy(
    path: string,
    resolve: () => SheetModel | null,
    nullable = false
  ): WorksheetSim {
    return new WorksheetSim(this.context, path, resolve, nullable);
  }
  add(name?: string): WorksheetSim {
    let created: SheetModel | null = null;
    const ws = this.sheetProxy(`worksheets.add(${JSON.stringify(name ?? null)})`, () => {
      if (!created) throw new SimError("GeneralException", "Sheet was not created.");
      return created;
    });
    this.context.enqueue({ path: "worksheets", call: "add", args: [name ?? null] }, () => {
      created = this.context.model.addSheet(name);
      ws._ref();
    });
    return ws;
  }
  getItem(key: string): WorksheetSim {
    return this.sheetProxy(`worksheets.getItem(${JSON.stringify(key)})`, () => {
      const m = this.context.model;
      const s = m.sheetByName(key) ?? m.sheetById(key);
      if (!s)
        throw new SimError(
          "ItemNotFound",
          `The requested resource doesn't exist: worksheet "${key}".`
        );
      return s;
    });
  }
  getItemOrNullObject(key: string): WorksheetSim {
    return this.sheetProxy(
      `worksheets.getItemOrNullObject(${JSON.stringify(key)})`,
      () => {
        const m = this.context.model;
        return m.sheetByName(key) ?? m.sheetById(key) ?? null;
      },
      true
    );
  }
  getActiveWorksheet(): WorksheetSim {
    return this.sheetProxy("worksheets.getActiveWorksheet()", () =>
      this.context.model.activeSheet()
    );
  }
  getFirst(visibleOnly = false): WorksheetSim {
    return this.sheetProxy("worksheets.getFirst()", () => {
      const s = this.context.model.sheets.filter(
        (x) => !visibleOnly || x.visibility === "Visible"
      )[0];
      if (!s) throw new SimError("ItemNotFound", "No worksheet.");
      return s;
    });
  }
}

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
    context: RequestContextSim,
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

export class WorksheetProtectionSim extends ProxyBase {
  protected readonly _typeName = "WorksheetProtection";
  protected readonly _scalars = ["protected", "options"];
  protected _read(s: SheetModel, prop: string): unknown {
    return prop === "protected" ? s.protection.protected : { ...s.protection.options };
  }
  protect(options?: Record<string, unknown>, password?: string): void {
    this._call("protect", [options ?? null, password ? "***" : null], (s: SheetModel) => {
      if (s.protection.protected)
        throw new SimError("InvalidOperation", "The sheet is already protected.");
      s.protection = { protected: true, options: { ...(options ?? {}) } };
      if (password) s.protection.password = password;
      this.context.model.touch();
    });
  }
  /** Like Excel: a no-op on an unprotected sheet; refused without the password it was protected with. */
  unprotect(password?: string): void {
    this._call("unprotect", [password ? "***" : null], (s: SheetModel) => {
      if (!s.protection.protected) return;
      if (s.protection.password !== undefined && s.protection.password !== password)
        throw new SimError(
          "AccessDenied",
          `The password to unprotect sheet ${s.name} is not correct (it is protected).`
        );
      s.protection = { protected: false, options: {} };
      this.context.model.touch();
    });
  }
}
props(WorksheetProtectionSim, ["protected", "options"]);

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

// ----------------------------------------------------------------------------------------------
// Ranges
// ----------------------------------------------------------------------------------------------

export interface RangeRef {
  sheet: SheetModel;
  rect: Rect;
}

/** Cells of a range as a 2-D array built by `f` (guards against whole-column reads). */
function grid<T>(ref: RangeRef, f: (row: number, col: number) => T): T[][] {
  const rows = rectRows(ref.rect);
  const cols = rectCols(ref.rect);
  if (rows * cols > 5_000_000) {
    throw new SimError(
      "GeneralException",
      `Range ${qualifiedA1(ref.sheet.name, ref.rect)} is too large to read.`
    );
  }
  const out: T[][] = [];
  for (let r = 0; r < rows; r++) {
    const line: T[] = [];
    for (let c = 0; c < cols; c++) line.push(f(ref.rect.top + r, ref.rect.left + c));
    out.push(line);
  }
  return out;
}

/** Office takes either a 2-D array of the range's shape or one value for every cell. */
function shaped(ref: RangeRef, v: unknown, what: string): (r: number, c: number) => unknown {
  const rows = rectRows(ref.rect);
  const cols = rectCols(ref.rect);
  if (!Array.isArray(v)) return () => v;
  if (v.length !== rows || v.some((line) => !Array.isArray(line) || line.length !== cols)) {
    throw new SimError(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}: ${rows}×${cols}).`
    );
  }
  return (r, c) => (v as unknown[][])[r][c];
}

function assertEditable(ref: RangeRef, contentOnly: boolean, model: WorkbookModel): void {
  if (!ref.sheet.protection.protected) return;
  const { rect, sheet } = ref;
  if (contentOnly) {
    let allUnlocked = true;
    for (let r = rect.top; r <= rect.bottom && allUnlocked; r++) {
      for (let c = rect.left; c <= rect.right; c++) {
        if (model.style(sheet, r, c).locked !== false) {
          allUnlocked = false;
          break;
        }
      }
    }
    if (allUnlocked) return;
  }
  throw new SimError(
    "InvalidOperation",
    `The cell or chart you're trying to change is on a protected sheet (${qualifiedA1(sheet.name, rect)}).`
  );
}

function valueOut(v: CellResult): number | string | boolean {
  if (v === null) return "";
  if (typeof v === "object") return v.error;
  return v;
}

function valueType(v: CellResult): string {
  if (v === null) return "Empty";
  if (typeof v === "object") return "Error";
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  return "String";
}

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

/**
 * Office's Range.rowHidden / columnHidden: true when every row (column) of the span is hidden, false
 * when none is, null when some are. Walks the hidden set, not the span: a whole column is a million rows.
 */
function hiddenState(hidden: Set<number>, first: number, last: number): boolean | null {
  let n = 0;
  for (const i of hidden) if (i >= first && i <= last) n++;
  return n === 0 ? false : n === last - first + 1 ? true : null;
}

function setHidden(
  ref: RangeRef,
  v: unknown,
  what: "rowHidden" | "columnHidden",
  model: WorkbookModel
): void {
  if (typeof v !== "boolean") throw new SimError("InvalidArgument", `${what} takes true or false.`);
  const { sheet, rect } = ref;
  const rows = what === "rowHidden";
  // Hiding is formatting rows or columns: a protected sheet refuses it unless its options allow it.
  const allow = rows ? "allowFormatRows" : "allowFormatColumns";
  if (sheet.protection.protected && sheet.protection.options[allow] !== true) {
    throw new SimError(
      "InvalidOperation",
      `The cell or chart you're trying to change is on a protected sheet (${qualifiedA1(sheet.name, rect)}).`
    );
  }
  const set = rows ? sheet.hiddenRows : sheet.hiddenCols;
  const [first, last] = rows ? [rect.top, rect.bottom] : [rect.left, rect.right];
  if (v) {
    if (last - first + 1 > 100_000) throw new SimError("GeneralException", "Too many rows.");
    for (let i = first; i <= last; i++) set.add(i);
  } else for (const i of [...set]) if (i >= first && i <= last) set.delete(i);
  model.touch();
}

export class RangeSim extends ProxyBase {
  protected readonly _typeName = "Range";
  protected readonly _scalars = RANGE_SCALARS;
  protected readonly _children = ["format", "worksheet", "dataValidation"];
  private _format?: RangeFormatSim;
  private _dv?: DataValidationSim;
  private _ws?: WorksheetSim;

  constructor(
    context: RequestContextSim,
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
    const m = this.context.model;
    const { sheet, rect } = ref;
    switch (prop) {
      case "address":
      case "addressLocal":
        return qualifiedA1(sheet.name, rect);
      case "values":
        return m.results(sheet, rect).map((row) => row.map(valueOut));
      case "valueTypes":
        return m.results(sheet, rect).map((row) => row.map(valueType));
      case "text": {
        const res = m.results(sheet, rect);
        return res.map((row, r) =>
          row.map((v, c) =>
            formatValue(
              v,
              m.style(sheet, rect.top + r, rect.left + c).numberFormat ?? "General",
              m.decimalSeparator,
              m.thousandsSeparator
            )
          )
        );
      }
      case "formulas": {
        const res = m.results(sheet, rect);
        return res.map((row, r) =>
          row.map((v, c) => {
            const f = m.formula(sheet, rect.top + r, rect.left + c);
            if (f !== undefined) return f;
            const cell = sheet.cell(rect.top + r, rect.left + c);
            return cell ? valueOut(cell.value) : valueOut(v);
          })
        );
      }
      case "numberFormat":
        return grid(ref, (r, c) => m.style(sheet, r, c).numberFormat ?? "General");
      case "rowIndex":
        return rect.top;
      case "columnIndex":
        return rect.left;
      case "rowCount":
        return rectRows(rect);
      case "columnCount":
        return rectCols(rect);
      case "cellCount":
        return rectRows(rect) * rectCols(rect);
      case "isEntireColumn":
        return rect.top === 0 && rect.bottom === MAX_ROWS - 1;
      case "isEntireRow":
        return rect.left === 0 && rect.right === MAX_COLS - 1;
      case "rowHidden":
        return hiddenState(sheet.hiddenRows, rect.top, rect.bottom);
      case "columnHidden":
        return hiddenState(sheet.hiddenCols, rect.left, rect.right);
      case "hasSpill": {
        // Excel: true when every cell is inside a spill, false when none is, null when some are.
        let inside = 0;
        for (const s of m.spills(sheet)) {
          const rows = Math.min(s.bottom, rect.bottom) - Math.max(s.top, rect.top) + 1;
          const cols = Math.min(s.right, rect.right) - Math.max(s.left, rect.left) + 1;
          if (rows > 0 && cols > 0) inside += rows * cols;
        }
        return inside === 0 ? false : inside === rectRows(rect) * rectCols(rect) ? true : null;
      }
      default:
        throw new SimError("InvalidArgument", `Range has no property ${prop}.`);
    }
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

// ---- formats ----

function uniform<T>(ref: RangeRef, f: (r: number, c: number) => T): T | null {
  const { rect } = ref;
  let first: T | undefined;
  let seen = false;
  const n = rectRows(rect) * rectCols(rect);
  if (n > 100_000) return null;
  for (let r = rect.top; r <= rect.bottom; r++) {
    for (let c = rect.left; c <= rect.right; c++) {
      const v = f(r, c);
      if (!seen) {
        first = v;
        seen = true;
      } else if (JSON.stringify(v) !== JSON.stringify(first)) return null;
    }
  }
  return first ?? null;
}

/** True when no line in first..last has its own size, false when all do, null when mixed. */
function standardness(first: number, last: number, sizes: Map<number, number>): boolean | null {
  let own = 0;
  for (const i of sizes.keys()) if (i >= first && i <= last) own++;
  if (own === 0) return true;
  return own === last - first + 1 ? false : null;
}

/** Applies a style patch to every cell of the range (rows/columns themselves for widths and heights). */
function styleEach(ctx: RequestContextSim, ref: RangeRef, patch: CellStyle): void {
  const m = ctx.model;
  assertEditable(ref, false, m);
  const { rect } = ref;
  if (rectRows(rect) * rectCols(rect) > 1_000_000) {
    throw new SimError(
      "GeneralException",
      "Formatting a range this large is not supported by the simulator."
    );
  }
  for (let r = rect.top; r <= rect.bottom; r++)
    for (let c = rect.left; c <= rect.right; c++) m.patchStyle(ref.sheet, r, c, patch);
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

function normColor(v: unknown): string {
  const s = String(v);
  return /^#[0-9a-f]{6}$/i.test(s) ? s.toUpperCase() : s;
}

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

// ---- cell properties ----

const CELL_EDGE: Record<string, Edge> = {
  top: "EdgeTop",
  bottom: "EdgeBottom",
  left: "EdgeLeft",
  right: "EdgeRight",
  diagonalDown: "DiagonalDown",
  diagonalUp: "DiagonalUp",
};

function cellProperties(m: WorkbookModel, sheet: SheetModel, r: number, c: number): any {
  const s = m.style(sheet, r, c);
  const f = { ...DEFAULT_FONT, underline: "None", strikethrough: false, ...(s.font ?? {}) };
  const borders: any = {};
  for (const [k, e] of Object.entries(CELL_EDGE)) {
    const b = s.borders?.[e];
    borders[k] = {
      style: b?.style ?? "None",
      color: b?.color ?? "#000000",
      weight: b?.weight ?? "Thin",
    };
  }
  return {
    address: qualifiedA1(sheet.name, { top: r, left: c, bottom: r, right: c }),
    addressLocal: qualifiedA1(sheet.name, { top: r, left: c, bottom: r, right: c }),
    hidden: false,
    style: "Normal",
    format: {
      font: f,
      fill: { color: s.fill ?? "#FFFFFF", pattern: s.fill ? "Solid" : "None" },
      borders,
      horizontalAlignment: s.horizontalAlignment ?? "General",
      verticalAlignment: s.verticalAlignment ?? "Bottom",
      wrapText: s.wrapText ?? false,
      indentLevel: s.indentLevel ?? 0,
      columnWidth: sheet.columnWidth(c),
      rowHeight: sheet.rowHeight(r),
      protection: { locked: s.locked ?? true, formulaHidden: false },
    },
  };
}

/** Keeps only what the load options asked for (`{format: {font: {bold: true}}}`). */
function pick(full: any, options: any): any {
  if (options === true) return full;
  if (!options || typeof options !== "object" || full === null || typeof full !== "object")
    return undefined;
  const out: any = {};
  for (const [k, v] of Object.entries(options)) {
    if (!v) continue;
    if (!(k in full)) continue;
    const sub = pick(full[k], v);
    if (sub !== undefined) out[k] = sub;
  }
  return out;
}

function applyCellProperties(
  m: WorkbookModel,
  sheet: SheetModel,
  r: number,
  c: number,
  p: any
): void {
  const f = p.format;
  if (!f) return;
  const patch: CellStyle = {};
  if (f.font) {
    const font: any = { ...f.font };
    if (font.color) font.color = normColor(font.color);
    patch.font = font;
  }
  if (f.fill && "color" in f.fill)
    patch.fill = f.fill.color ? normColor(f.fill.color) : (null as unknown as string);
  if (f.borders) {
    const b: any = {};
    for (const [k, e] of Object.entries(CELL_EDGE)) {
      if (f.borders[k]) {
        b[e] = { style: "Continuous", color: "#000000", weight: "Thin", ...f.borders[k] };
        if (b[e].color) b[e].color = normColor(b[e].color);
      }
    }
    patch.borders = b;
  }
  for (const k of [
    "horizontalAlignment",
    "verticalAlignment",
    "wrapText",
    "indentLevel",
  ] as const) {
    if (f[k] !== undefined) (patch as any)[k] = f[k];
  }
  if (f.protection && f.protection.locked !== undefined) patch.locked = f.protection.locked;
  if (Object.keys(patch).length) m.patchStyle(sheet, r, c, patch);
  if (typeof f.columnWidth === "number") sheet.columnWidths.set(c, f.columnWidth);
  if (typeof f.rowHeight === "number") sheet.rowHeights.set(r, f.rowHeight);
}

// ---- data validation ----

export class DataValidationSim extends ProxyBase {
  protected readonly _typeName = "DataValidation";
  protected readonly _scalars = ["rule", "prompt", "errorAlert", "type", "ignoreBlanks"];
  protected _read(ref: RangeRef, prop: string): unknown {
    const v = ref.sheet.validations.find((x) => intersects(x.range, ref.rect));
    if (prop === "type") return v ? (Object.keys(v.rule)[0] ?? "None") : "None";
    if (prop === "ignoreBlanks") return true;
    return v ? ((v as any)[prop] ?? null) : null;
  }
  upsert(ref: RangeRef): any {
    let v = ref.sheet.validations.find((x) => JSON.stringify(x.range) === JSON.stringify(ref.rect));
    if (!v) {
      v = { range: { ...ref.rect }, rule: {} };
      ref.sheet.validations = ref.sheet.validations.filter((x) => !intersects(x.range, ref.rect));
      ref.sheet.validations.push(v);
    }
    return v;
  }
  clear(): void {
    this._call("clear", [], (ref: RangeRef) => {
      assertEditable(ref, false, this.context.model);
      ref.sheet.validations = ref.sheet.validations.filter((x) => !intersects(x.range, ref.rect));
    });
  }
}
props(DataValidationSim, ["rule", "prompt", "errorAlert", "type", "ignoreBlanks"], {
  rule: (ref: RangeRef, v: any, self: any) =>
    (self.upsert(ref).rule = JSON.parse(JSON.stringify(v))),
  prompt: (ref: RangeRef, v: any, self: any) => (self.upsert(ref).prompt = { ...v }),
  errorAlert: (ref: RangeRef, v: any, self: any) => (self.upsert(ref).errorAlert = { ...v }),
});

// ----------------------------------------------------------------------------------------------
// Names, custom XML parts
// ----------------------------------------------------------------------------------------------

export class NamedItemCollectionSim extends CollectionBase<NamedItemSim> {
  protected readonly _typeName = "NamedItemCollection";
  protected _list(m: WorkbookModel): NamedItemSim[] {
    return m.names.map((n) => new NamedItemSim(this.context, `names[${n.name}]`, () => n));
  }
  add(name: string, reference: string | RangeSim, comment?: string): NamedItemSim {
    const item = new NamedItemSim(
      this.context,
      `names.add(${name})`,
      () => this.context.model.names.find((n) => n.name === name) ?? null
    );
    const ref = typeof reference === "string" ? reference : null;
    this.context.enqueue(
      { path: "names", call: "add", args: [name, ref ?? "range", comment ?? ""] },
      () => {
        const f = ref ?? (reference as RangeSim)._address();
        this.context.model.addName(name, f, comment ?? "");
      }
    );
    return item;
  }
  getItem(name: string): NamedItemSim {
    return new NamedItemSim(this.context, `names.getItem(${name})`, () => {
      const n = this.context.model.names.find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!n) throw new SimError("ItemNotFound", `The name "${name}" does not exist.`);
      return n;
    });
  }
  getItemOrNullObject(name: string): NamedItemSim {
    return new NamedItemSim(
      this.context,
      `names.getItemOrNullObject(${name})`,
      () =>
        this.context.model.names.find((x) => x.name.toLowerCase() === name.toLowerCase()) ?? null,
      true
    );
  }
}

export class NamedItemSim extends ProxyBase {
  protected readonly _typeName = "NamedItem";
  protected readonly _scalars = ["name", "formula", "comment", "type", "value", "visible"];
  protected _read(n: any, prop: string): unknown {
    if (prop === "type") return "Range";
    if (prop === "value") return n.formula.slice(1);
    return n[prop];
  }
  delete(): void {
    this._call("delete", [], (n: any) => this.context.model.deleteName(n.name));
  }
  getRange(): RangeSim {
    return new RangeSim(this.context, `${this._path}.getRange()`, () => {
      const n = this._must();
      const { sheet, local } = splitSheet(n.formula.slice(1));
      const s = sheet !== undefined ? this.context.model.sheetByName(sheet) : undefined;
      const r = parseRect(local);
      if (!s || !r) throw new SimError("InvalidOperation", `The name ${n.name} is not a range.`);
      return { sheet: s, rect: r };
    });
  }
}
props(NamedItemSim, ["name", "formula", "comment", "type", "value", "visible"], {
  comment: (n: any, v: string) => (n.comment = v),
  visible: (n: any, v: boolean) => (n.visible = v),
});

export class CustomXmlPartCollectionSim extends CollectionBase<CustomXmlPartSim> {
  protected readonly _typeName = "CustomXmlPartCollection";
  protected _list(m: WorkbookModel): CustomXmlPartSim[] {
    return m.customXmlParts.map(
      (p) => new CustomXmlPartSim(this.context, `customXmlParts[${p.id}]`, () => p)
    );
  }
  add(xml: string): CustomXmlPartSim {
    let created: unknown = null;
    const part = new CustomXmlPartSim(this.context, "customXmlParts.add()", () => created);
    this.context.enqueue({ path: "customXmlParts", call: "add", args: [xml] }, () => {
      if (!/^\s*(<\?xml[^>]*\?>\s*)?</.test(xml))
        throw new SimError("InvalidArgument", "The XML is not well formed.");
      created = this.context.model.addCustomXmlPart(xml);
      part._ref();
    });
    return part;
  }
  getItem(id: string): CustomXmlPartSim {
    return new CustomXmlPartSim(this.context, `customXmlParts.getItem(${id})`, () => {
      const p = this.context.model.customXmlParts.find((x) => x.id === id);
      if (!p) throw new SimError("ItemNotFound", `No custom XML part ${id}.`);
      return p;
    });
  }
  getItemOrNullObject(id: string): CustomXmlPartSim {
    return new CustomXmlPartSim(
      this.context,
      `customXmlParts.getItemOrNullObject(${id})`,
      () => this.context.model.customXmlParts.find((x) => x.id === id) ?? null,
      true
    );
  }
  getByNamespace(ns: string): CustomXmlPartScopedCollectionSim {
    return new CustomXmlPartScopedCollectionSim(
      this.context,
      `customXmlParts.getByNamespace(${JSON.stringify(ns)})`,
      () => this.context.model.customXmlParts.filter((p) => p.namespaceUri === ns)
    );
  }
}

export class CustomXmlPartScopedCollectionSim extends CollectionBase<CustomXmlPartSim> {
  protected readonly _typeName = "CustomXmlPartScopedCollection";
  protected _list(parts: any[]): CustomXmlPartSim[] {
    return parts.map((p) => new CustomXmlPartSim(this.context, `customXmlParts[${p.id}]`, () => p));
  }
  getItem(id: string): CustomXmlPartSim {
    return new CustomXmlPartSim(this.context, `${this._path}.getItem(${id})`, () => {
      const p = (this._must() as any[]).find((x) => x.id === id);
      if (!p) throw new SimError("ItemNotFound", `No custom XML part ${id}.`);
      return p;
    });
  }
  getItemOrNullObject(id: string): CustomXmlPartSim {
    return new CustomXmlPartSim(
      this.context,
      `${this._path}.getItemOrNullObject(${id})`,
      () => (this._must() as any[]).find((x) => x.id === id) ?? null,
      true
    );
  }
  getOnlyItem(): CustomXmlPartSim {
    return new CustomXmlPartSim(this.context, `${this._path}.getOnlyItem()`, () => {
      const list = this._must() as any[];
      if (list.length !== 1)
        throw new SimError(
          "InvalidOperation",
          `Expected exactly one custom XML part, found ${list.length}.`
        );
      return list[0];
    });
  }
  getOnlyItemOrNullObject(): CustomXmlPartSim {
    return new CustomXmlPartSim(
      this.context,
      `${this._path}.getOnlyItemOrNullObject()`,
      () => {
        const list = this._must() as any[];
        return list.length === 1 ? list[0] : null;
      },
      true
    );
  }
}

export class CustomXmlPartSim extends ProxyBase {
  protected readonly _typeName = "CustomXmlPart";
  protected readonly _scalars = ["id", "namespaceUri"];
  protected _read(p: any, prop: string): unknown {
    return p[prop];
  }
  getXml(): ClientResult<string> {
    const r = new ClientResult<string>("CustomXmlPart");
    this.context.enqueue({ path: this._path, call: "getXml" }, () => {
      const xml = this._must().xml;
      this.context.countResponse(xml);
      r._resolve(xml);
    });
    return r;
  }
  setXml(xml: string): void {
    this._call("setXml", [xml], (p: any) => {
      p.xml = xml;
      p.namespaceUri = namespaceOf(xml);
      this.context.model.touch();
    });
  }
  delete(): void {
    this._call("delete", [], (p: any) => {
      const m = this.context.model;
      m.customXmlParts = m.customXmlParts.filter((x) => x !== p);
      m.touch();
    });
  }
}
props(CustomXmlPartSim, ["id", "namespaceUri"]);
