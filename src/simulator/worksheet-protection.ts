/** Worksheet.protection: protect and unprotect, with Excel's password check. */
import { SimError } from "./errors";
import { SheetModel } from "./model";
import { ProxyBase, props } from "./proxy";

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
