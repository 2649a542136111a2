/** Workbook.customXmlParts: where the cluster profile is kept inside the workbook. */
import { SimError } from "./errors";
import { WorkbookModel, namespaceOf } from "./model";
import { ClientResult, CollectionBase, ProxyBase, props } from "./proxy";

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
