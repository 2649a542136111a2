/** Application (culture, separators, calculation) and Workbook with its worksheet collection. */
import { SimError } from "./errors";
import { SheetModel, WorkbookModel } from "./model";
import { NamedItemCollectionSim } from "./names";
import { CollectionBase, ProxyBase, ProxyContext, props } from "./proxy";
import { RangeSim, WorksheetSim } from "./sheet";
import { CustomXmlPartCollectionSim } from "./xml-parts";

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

  constructor(context: ProxyContext, path: string) {
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
