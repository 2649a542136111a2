/** Workbook.names: defined names and the ranges they refer to. */
import { parseRect, splitSheet } from "./address";
import { SimError } from "./errors";
import { WorkbookModel } from "./model";
import { CollectionBase, ProxyBase, props } from "./proxy";
import { RangeSim } from "./sheet";

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
