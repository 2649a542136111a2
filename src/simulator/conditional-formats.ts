/**
 * Range.conditionalFormats: custom (formula) and cell-value rules with a fill and a font colour, the
 * part of Excel's conditional formatting the add-in uses to mark issues in the grid. A new format goes
 * first (priority 0), as in Excel; deleting one closes the gap, so the user's own formats get their
 * numbers back. `conditionalFills` works out what the playground's grid draws.
 */
import { Rect, intersects } from "./address";
import { SimError } from "./errors";
import type { ConditionalFormatModel, SheetModel, WorkbookModel } from "./model";
import { CollectionBase, ProxyBase, ProxyContext, props } from "./proxy";
import { RangeRef, normColor } from "./range-ref";

interface Bound {
  sheet: SheetModel;
  cf: ConditionalFormatModel;
}

const TYPES = ["Custom", "CellValue"] as const;
let nextId = 1;

function byPriority(sheet: SheetModel): void {
  sheet.conditionalFormats.sort((a, b) => a.priority - b.priority);
  sheet.conditionalFormats.forEach((cf, i) => (cf.priority = i));
}

/** Excel refuses new formats on a protected sheet unless its protection allows formatting cells. */
function assertFormattable(sheet: SheetModel): void {
  if (sheet.protection.protected && sheet.protection.options.allowFormatCells !== true)
    throw new SimError(
      "InvalidOperation",
      `The cell or chart you're trying to change is on a protected sheet (${sheet.name}).`
    );
}

export class ConditionalFormatCollectionSim extends CollectionBase<ConditionalFormatSim> {
  protected readonly _typeName = "ConditionalFormatCollection";

  private item(path: string, resolve: () => Bound): ConditionalFormatSim {
    return new ConditionalFormatSim(this.context, `${this._path}.${path}`, resolve);
  }

  protected _list(ref: RangeRef): ConditionalFormatSim[] {
    return ref.sheet.conditionalFormats
      .filter((cf) => intersects(cf.range, ref.rect))
      .map((cf) => this.item(`items[${cf.id}]`, () => ({ sheet: ref.sheet, cf })));
  }

  add(type: string): ConditionalFormatSim {
    let created: Bound | null = null;
    const cf = this.item(`add(${JSON.stringify(type)})`, () => {
      if (!created) throw new SimError("GeneralException", "The format was not created.");
      return created;
    });
    this._call("add", [type], (ref: RangeRef) => {
      if (!(TYPES as readonly string[]).includes(type))
        throw new SimError("InvalidArgument", `The simulator has no "${type}" conditional format.`);
      assertFormattable(ref.sheet);
      for (const other of ref.sheet.conditionalFormats) other.priority++;
      const model: ConditionalFormatModel = {
        id: `{cf-${(nextId++).toString(16).padStart(8, "0")}}`,
        type: type as ConditionalFormatModel["type"],
        range: { ...ref.rect },
        priority: 0,
        stopIfTrue: false,
        rule: {},
        format: {},
      };
      ref.sheet.conditionalFormats.unshift(model);
      created = { sheet: ref.sheet, cf: model };
      cf._ref();
      this.context.model.touch();
    });
    return cf;
  }

  getItem(id: string): ConditionalFormatSim {
    return this.item(`getItem(${JSON.stringify(id)})`, () => {
      const ref: RangeRef = this._must();
      const cf = ref.sheet.conditionalFormats.find((x) => x.id === id);
      if (!cf)
        throw new SimError("ItemNotFound", `The requested resource doesn't exist: format ${id}.`);
      return { sheet: ref.sheet, cf };
    });
  }

  /** Excel: clears the formats active on the range (those intersecting it), whole. */
  clearAll(): void {
    this._call("clearAll", [], (ref: RangeRef) => {
      assertFormattable(ref.sheet);
      ref.sheet.conditionalFormats = ref.sheet.conditionalFormats.filter(
        (cf) => !intersects(cf.range, ref.rect)
      );
      byPriority(ref.sheet);
      this.context.model.touch();
    });
  }
}

export class ConditionalFormatSim extends ProxyBase {
  protected readonly _typeName = "ConditionalFormat";
  protected readonly _scalars = ["id", "type", "priority", "stopIfTrue"];
  protected readonly _children = ["custom", "cellValue"];
  private _custom?: CustomConditionalFormatSim;
  private _cellValue?: CellValueConditionalFormatSim;

  constructor(context: ProxyContext, path: string, resolve: () => Bound) {
    super(context, path, resolve);
  }

  /** The rule of one type, refused at the sync for a format of another type (as Excel does). */
  private ofType(type: ConditionalFormatModel["type"]): () => Bound {
    return () => {
      const t: Bound = this._must();
      if (t.cf.type !== type)
        throw new SimError("InvalidOperation", `The conditional format is not of type ${type}.`);
      return t;
    };
  }

  get custom(): CustomConditionalFormatSim {
    return (this._custom ??= new CustomConditionalFormatSim(
      this.context,
      `${this._path}.custom`,
      this.ofType("Custom")
    ));
  }
  get cellValue(): CellValueConditionalFormatSim {
    return (this._cellValue ??= new CellValueConditionalFormatSim(
      this.context,
      `${this._path}.cellValue`,
      this.ofType("CellValue")
    ));
  }

  protected _read(t: Bound, prop: string): unknown {
    return (t.cf as unknown as Record<string, unknown>)[prop];
  }

  delete(): void {
    this._call("delete", [], (t: Bound) => {
      assertFormattable(t.sheet);
      t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((x) => x !== t.cf);
      byPriority(t.sheet);
      this.context.model.touch();
    });
  }
}
props(ConditionalFormatSim, ["id", "type", "priority", "stopIfTrue"], {
  stopIfTrue: (t: Bound, v: boolean) => (t.cf.stopIfTrue = v),
});

export class CustomConditionalFormatSim extends ProxyBase {
  protected readonly _typeName = "CustomConditionalFormat";
  protected readonly _scalars = [];
  protected readonly _children = ["rule", "format"];
  readonly rule = new ConditionalFormatRuleSim(this.context, `${this._path}.rule`, () =>
    this._ref()
  );
  readonly format = new ConditionalRangeFormatSim(this.context, `${this._path}.format`, () =>
    this._ref()
  );
  protected _read(): unknown {
    return undefined;
  }
}

export class ConditionalFormatRuleSim extends ProxyBase {
  protected readonly _typeName = "ConditionalFormatRule";
  protected readonly _scalars = ["formula", "formulaLocal"];
  protected _read(t: Bound): unknown {
    return t.cf.rule.formula ?? "";
  }
}
const setFormula = (t: Bound, v: string, self: ProxyBase): void => {
  const f = String(v);
  t.cf.rule.formula = f.startsWith("=") ? f : `=${f}`;
  self.context.model.touch();
};
props(ConditionalFormatRuleSim, ["formula", "formulaLocal"], {
  formula: setFormula,
  formulaLocal: setFormula,
});

export class CellValueConditionalFormatSim extends ProxyBase {
  protected readonly _typeName = "CellValueConditionalFormat";
  protected readonly _scalars = ["rule"];
  protected readonly _children = ["format"];
  readonly format = new ConditionalRangeFormatSim(this.context, `${this._path}.format`, () =>
    this._ref()
  );
  protected _read(t: Bound): unknown {
    return { ...t.cf.rule };
  }
}
props(CellValueConditionalFormatSim, ["rule"], {
  rule: (t: Bound, v: Record<string, unknown>, self: ProxyBase) => {
    const text = (x: unknown): string | undefined =>
      x === undefined || x === null ? undefined : String(x);
    t.cf.rule = {
      formula1: text(v.formula1),
      formula2: text(v.formula2),
      operator: text(v.operator),
    };
    self.context.model.touch();
  },
});

export class ConditionalRangeFormatSim extends ProxyBase {
  protected readonly _typeName = "ConditionalRangeFormat";
  protected readonly _scalars = [];
  protected readonly _children = ["fill", "font"];
  readonly fill = new ConditionalRangeFillSim(this.context, `${this._path}.fill`, () =>
    this._ref()
  );
  readonly font = new ConditionalRangeFontSim(this.context, `${this._path}.font`, () =>
    this._ref()
  );
  protected _read(): unknown {
    return undefined;
  }
}

export class ConditionalRangeFillSim extends ProxyBase {
  protected readonly _typeName = "ConditionalRangeFill";
  protected readonly _scalars = ["color"];
  protected _read(t: Bound): unknown {
    return t.cf.format.fill ?? null;
  }
  clear(): void {
    this._call("clear", [], (t: Bound) => {
      delete t.cf.format.fill;
      this.context.model.touch();
    });
  }
}
props(ConditionalRangeFillSim, ["color"], {
  color: (t: Bound, v: string, self: ProxyBase) => {
    t.cf.format.fill = normColor(v);
    self.context.model.touch();
  },
});

export class ConditionalRangeFontSim extends ProxyBase {
  protected readonly _typeName = "ConditionalRangeFont";
  protected readonly _scalars = ["color", "bold", "italic"];
  protected _read(t: Bound, prop: string): unknown {
    const f = t.cf.format;
    return prop === "color" ? (f.fontColor ?? null) : (f[prop as "bold" | "italic"] ?? null);
  }
}
props(ConditionalRangeFontSim, ["color", "bold", "italic"], {
  color: (t: Bound, v: string, self: ProxyBase) => {
    t.cf.format.fontColor = normColor(v);
    self.context.model.touch();
  },
  bold: (t: Bound, v: boolean, self: ProxyBase) => {
    t.cf.format.bold = v;
    self.context.model.touch();
  },
  italic: (t: Bound, v: boolean, self: ProxyBase) => {
    t.cf.format.italic = v;
    self.context.model.touch();
  },
});

// ---- what the grid draws ----

export interface ConditionalLook {
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  /** A rule with "stop if true" held here: later rules do not apply. */
  stop?: boolean;
}

/** A cell reference outside string literals: such a rule is relative to each cell. */
const HAS_REFERENCE = /(^|[^A-Za-z0-9_.])\$?[A-Za-z]{1,3}\$?\d+\b|!/;

function truthy(v: unknown): boolean {
  return v === true || (typeof v === "number" && v !== 0);
}

function numberOf(s: string | undefined): number | null {
  if (s === undefined) return null;
  const n = Number(s.replace(/^=/, "").trim());
  return Number.isFinite(n) ? n : null;
}

function compares(value: unknown, rule: ConditionalFormatModel["rule"]): boolean {
  if (typeof value !== "number") return false;
  const a = numberOf(rule.formula1);
  const b = numberOf(rule.formula2);
  if (a === null) return false;
  const [lo, hi] = b === null ? [a, a] : [Math.min(a, b), Math.max(a, b)];
  switch (rule.operator) {
    case "Between":
      return b !== null && value >= lo && value <= hi;
    case "NotBetween":
      return b !== null && (value < lo || value > hi);
    case "EqualTo":
      return value === a;
    case "NotEqualTo":
      return value !== a;
    case "GreaterThan":
      return value > a;
    case "LessThan":
      return value < a;
    case "GreaterThanOrEqual":
      return value >= a;
    case "LessThanOrEqual":
      return value <= a;
    default:
      return false;
  }
}

/**
 * What the sheet's conditional formats paint on the cells of `rect`, by "row,col": for each cell the
 * look of the first format (by priority) whose rule holds there. Custom rules are drawn when they refer
 * to no cell (a rule relative to each cell is not evaluated here, and draws nothing).
 */
export function conditionalFills(
  model: WorkbookModel,
  sheet: SheetModel,
  rect: Rect
): Map<string, ConditionalLook> {
  const out = new Map<string, ConditionalLook>();
  const active = sheet.conditionalFormats
    .filter((cf) => intersects(cf.range, rect))
    .sort((a, b) => a.priority - b.priority);
  if (active.length === 0) return out;
  for (const cf of active) {
    const top = Math.max(cf.range.top, rect.top);
    const bottom = Math.min(cf.range.bottom, rect.bottom);
    const left = Math.max(cf.range.left, rect.left);
    const right = Math.min(cf.range.right, rect.right);
    let holds: (r: number, c: number) => boolean;
    if (cf.type === "Custom") {
      const f = cf.rule.formula ?? "";
      const plain = f.replace(/"[^"]*"/g, '""');
      if (!f || HAS_REFERENCE.test(plain)) continue;
      model.flush();
      const v = model.hf.calculateFormula(f, model.hfSheet(sheet));
      if (!truthy(v)) continue;
      holds = () => true;
    } else {
      const values = model.results(sheet, { top, left, bottom, right });
      holds = (r, c) => compares(values[r - top]?.[c - left], cf.rule);
    }
    for (let r = top; r <= bottom; r++) {
      for (let c = left; c <= right; c++) {
        const k = `${r},${c}`;
        const had = out.get(k);
        if (had?.stop || !holds(r, c)) continue;
        // Several true rules combine; where they disagree, the earlier one's look wins.
        out.set(k, {
          fill: had?.fill ?? cf.format.fill,
          fontColor: had?.fontColor ?? cf.format.fontColor,
          bold: had?.bold ?? cf.format.bold,
          italic: had?.italic ?? cf.format.italic,
          stop: cf.stopIfTrue,
        });
      }
    }
  }
  return out;
}
