/**
 * A criteria-only sheet (bảng điểm chuẩn, DOMAIN §4) read in the pane: instead of "no score sheet", the
 * Read step says what the sheet is, takes the members typed one per line (in that order), and makes
 * their self-score forms or the covenant from the criteria, with a way back. The criteria come from
 * core's own reader over a real grid; the workbook side is a recording stand-in.
 */
import { act, fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { readCriteriaOnly } from "../../src/core/criteria-only";
import type { Grid } from "../../src/core/grid";
import type { Lang } from "../../src/core/i18n";
import { Pane } from "../../src/taskpane/Pane";
import {
  membersFromText,
  type CriteriaOnlyService,
  type CriteriaOnlySource,
} from "../../src/taskpane/criteria-only-api";
import { CRITERIA_ONLY_STRINGS } from "../../src/taskpane/components/criteria-only-strings";
import type { Reading } from "../../src/taskpane/service";
import { FakeService, ServiceError } from "./fake-service";

jest.setTimeout(30_000);

const CRITERIA_SHEET: Grid = {
  sheetName: "Bảng điểm chuẩn",
  top: 0,
  left: 0,
  values: [
    ["BẢNG ĐIỂM CHUẨN THI ĐUA NĂM 2026", null, null],
    ["STT", "Nội dung tiêu chí", "Điểm chuẩn"],
    ["I", "Công tác chuyên môn", 60],
    ["1", "Hoàn thành kế hoạch", 40],
    ["2", "Cải cách hành chính", 20],
    ["II", "Công tác đảng, đoàn thể", 40],
    ["1", "Xây dựng tổ chức đảng", 40],
  ],
};

class CriteriaOnlyFake implements CriteriaOnlyService {
  calls: { method: string; args: unknown[] }[] = [];
  constructor(private readonly members: string[]) {}
  async read(sheets: string[] | undefined, lang: Lang): Promise<CriteriaOnlySource | null> {
    this.calls.push({ method: "read", args: [sheets, lang] });
    const found = readCriteriaOnly([CRITERIA_SHEET], { lang });
    return found && { ...found, members: this.members };
  }
  async writeForms(
    source: CriteriaOnlySource,
    members: string[]
  ): Promise<{ sheetNames: string[]; replaced: string[] }> {
    this.calls.push({ method: "writeForms", args: [source, members] });
    return { sheetNames: members.map((m) => `${m} - Phiếu`), replaced: [] };
  }
  async writeCovenant(
    source: CriteriaOnlySource,
    members: string[]
  ): Promise<{ sheetName: string }> {
    this.calls.push({ method: "writeCovenant", args: [source, members] });
    return { sheetName: "Giao ước 2026" };
  }
  async covenantDocx(
    source: CriteriaOnlySource,
    members: string[]
  ): Promise<{ fileName: string; blob: Blob }> {
    this.calls.push({ method: "covenantDocx", args: [source, members] });
    return { fileName: "Giao-uoc-thi-dua-2026.docx", blob: new Blob(["docx"]) };
  }
  async undo(sheetNames: string[], kind: "template" | "covenant"): Promise<number> {
    this.calls.push({ method: "undo", args: [sheetNames, kind] });
    return sheetNames.length;
  }
}

/** The workbook's only sheet is the criteria table: reading it for a ranking fails as it does in Excel. */
class CriteriaOnlyWorkbook extends FakeService {
  constructor(readonly api: CriteriaOnlyService | null) {
    super();
  }
  override async read(sheets: string[] | undefined, lang: Lang): Promise<Reading> {
    this.calls.push({ method: "read", args: [sheets, lang] });
    throw new ServiceError("no-score-sheet", "không tìm thấy cột/dòng điểm của đơn vị nào");
  }
  async criteriaOnly(): Promise<CriteriaOnlyService> {
    if (!this.api) throw new Error("no panel");
    return this.api;
  }
}

async function renderRead(svc: FakeService, lang: Lang = "vi"): Promise<void> {
  render(
    <FluentProvider theme={webLightTheme}>
      <Pane service={svc} lang={lang} initialStep="read" />
    </FluentProvider>
  );
  await act(async () => undefined);
}

async function press(name: string | RegExp): Promise<void> {
  fireEvent.click(screen.getByRole("button", { name }));
  await act(async () => undefined);
}

describe("criteria-only sheet in the pane (DOMAIN §4 bảng điểm chuẩn → §8 forms and covenant)", () => {
  test("says what the sheet is instead of an error, and makes the forms for the members typed, in order, with a way back", async () => {
    const api = new CriteriaOnlyFake([]);
    await renderRead(new CriteriaOnlyWorkbook(api));
    await press("Đọc bảng điểm");
    await screen.findByText("Bảng điểm chuẩn: chưa có điểm của đơn vị nào");
    expect(
      screen.getByText(/Trang "Bảng điểm chuẩn" có 3 tiêu chí, tổng điểm chuẩn 100\./)
    ).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
    // Nothing typed yet: nothing can be made.
    const forms = screen.getByRole("button", { name: /Tạo phiếu tự chấm/ });
    expect(forms.hasAttribute("disabled") || forms.getAttribute("aria-disabled") === "true").toBe(
      true
    );
    const box = screen.getByRole("textbox", { name: /Đơn vị thành viên, mỗi dòng một đơn vị/ });
    fireEvent.change(box, {
      target: { value: "Sở Tư pháp\n\n  Sở  Nội vụ \nSở Tài chính\nSở Tư pháp\n" },
    });
    expect(screen.getByText("3 đơn vị")).toBeTruthy();
    expect(screen.getByText("Bỏ tên nhập trùng: Sở Tư pháp.")).toBeTruthy();
    await press("Tạo phiếu tự chấm (3 trang)");
    await screen.findByText(/Đã tạo 3 phiếu tự chấm/);
    const call = api.calls.find((c) => c.method === "writeForms")!;
    expect(call.args[1]).toEqual(["Sở Tư pháp", "Sở Nội vụ", "Sở Tài chính"]);
    const source = call.args[0] as CriteriaOnlySource;
    expect(source.criteria.map((c) => [c.label, c.max])).toEqual([
      ["Công tác chuyên môn", 60],
      ["Công tác đảng, đoàn thể", 40],
    ]);
    await press("Hoàn tác");
    await screen.findByText("Đã xóa 3 trang vừa tạo; bảng tính trở lại như trước.");
    expect(api.calls.find((c) => c.method === "undo")!.args).toEqual([
      ["Sở Tư pháp - Phiếu", "Sở Nội vụ - Phiếu", "Sở Tài chính - Phiếu"],
      "template",
    ]);
  });

  test("en: the members saved in the settings are the starting list; the covenant takes them", async () => {
    const api = new CriteriaOnlyFake(["Sở Nội vụ", "Sở Tư pháp"]);
    await renderRead(new CriteriaOnlyWorkbook(api), "en");
    await press("Read score sheet");
    await screen.findByText("Criteria table: no unit has scores yet");
    const box = screen.getByRole("textbox", { name: /Member units, one per line/ });
    expect((box as HTMLTextAreaElement).value).toBe("Sở Nội vụ\nSở Tư pháp");
    await press("Make the covenant");
    await screen.findByText('Sheet "Giao ước 2026" made.');
    expect(api.calls.find((c) => c.method === "writeCovenant")!.args[1]).toEqual([
      "Sở Nội vụ",
      "Sở Tư pháp",
    ]);
    // The Word covenant is a download: the browser is handed the file, the workbook is not written.
    const created: Blob[] = [];
    URL.createObjectURL = (b: Blob): string => {
      created.push(b);
      return "blob:covenant";
    };
    URL.revokeObjectURL = (): void => undefined;
    const names: string[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
      this: HTMLAnchorElement
    ) {
      names.push(this.download);
    });
    try {
      await press("Download the covenant (Word)");
      await screen.findByText("Giao-uoc-thi-dua-2026.docx downloaded.");
    } finally {
      click.mockRestore();
    }
    expect(created).toHaveLength(1);
    expect(names).toEqual(["Giao-uoc-thi-dua-2026.docx"]);
    expect(api.calls.find((c) => c.method === "covenantDocx")!.args[1]).toEqual([
      "Sở Nội vụ",
      "Sở Tư pháp",
    ]);
  });

  test("forms made before are said to be made again in place, and Undo takes back only the new ones", async () => {
    const api = new CriteriaOnlyFake(["Sở Nội vụ", "Sở Tư pháp"]);
    const plain = api.writeForms.bind(api);
    api.writeForms = async (source, members) => ({
      ...(await plain(source, members)),
      replaced: ["Sở Nội vụ - Phiếu"],
    });
    await renderRead(new CriteriaOnlyWorkbook(api));
    await press("Đọc bảng điểm");
    await press("Tạo phiếu tự chấm (2 trang)");
    await screen.findByText(
      /Các phiếu đã có được lập lại tại chỗ, Hoàn tác không xóa chúng: Sở Nội vụ - Phiếu\./
    );
    await press("Hoàn tác");
    await screen.findByText("Đã xóa 1 trang vừa tạo; bảng tính trở lại như trước.");
    expect(api.calls.find((c) => c.method === "undo")!.args).toEqual([
      ["Sở Tư pháp - Phiếu"],
      "template",
    ]);
  });

  test("a sheet that is neither a score sheet nor a criteria table keeps the error (so the tests above can fail)", async () => {
    const api = new CriteriaOnlyFake([]);
    api.read = async () => null;
    await renderRead(new CriteriaOnlyWorkbook(api));
    await press("Đọc bảng điểm");
    await screen.findByRole("alert");
    expect(screen.queryByText("Bảng điểm chuẩn: chưa có điểm của đơn vị nào")).toBeNull();
  });

  test("members typed: order kept, blank lines and repeats dropped, NFC (N3); the panel's words exist in both languages", () => {
    expect(membersFromText("B\r\nA\n\n b \nA\u0301n".normalize("NFD"))).toEqual({
      members: ["B", "A", "Án"],
      duplicates: ["b"],
    });
    expect(Object.keys(CRITERIA_ONLY_STRINGS.en).sort()).toEqual(
      Object.keys(CRITERIA_ONLY_STRINGS.vi).sort()
    );
  });
});
