/**
 * The refusals of the reader, the safe writes, the OS errors and the profile schema exist in
 * Vietnamese and English with the same keys and the same placeholders (issue 19: one sentence each,
 * Vietnamese first).
 */
import { registeredTables } from "../../src/core/i18n";
import "../../src/xlsx/reader";
import "../../src/xlsx/os-error";
import "../../src/cli/safe-write";
import "../../src/core/profile-schema";

const NAMES = ["xlsx-read", "os-errors", "cli-safe-write", "profile-schema"];
const placeholders = (s: string): string[] => (s.match(/\{\w+\}/g) ?? []).sort();

describe("the hostile-input sentences in both languages", () => {
  for (const name of NAMES)
    it(`${name}: same keys, same placeholders, nothing empty, English without Vietnamese letters`, () => {
      const table = registeredTables().find((x) => x.name === name)?.table;
      expect(table).toBeDefined();
      const { vi, en } = table!;
      expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
      for (const k of Object.keys(vi)) {
        expect(vi[k].trim()).not.toBe("");
        expect(placeholders(en[k])).toEqual(placeholders(vi[k]));
        expect(en[k]).not.toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
      }
    });
});
