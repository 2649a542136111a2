/** Range.dataValidation: one rule per rectangle, replacing the rules it overlaps. */
import { intersects } from "./address";
import { ProxyBase, props } from "./proxy";
import { RangeRef, assertEditable } from "./range-ref";

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
