/**
 * The pane as an officer uses it, over the fake service: queries by role and visible text only.
 */
import { act, render, screen, fireEvent, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { Pane, type StepId } from "../../src/taskpane/Pane";
import { ServiceError } from "../../src/taskpane/service";
import { postNotice } from "../../src/excel/notice";
import type { IssueFix } from "../../src/core/issues";
import { makeIssue } from "../../src/core/validation";
import { FakeService } from "./fake-service";

// Fluent forms are large DOMs and role queries compute every accessible name: slow on 2 shared cores.
jest.setTimeout(30_000);

async function renderPane(svc: FakeService, initialStep: StepId = "read"): Promise<void> {
  render(
    <FluentProvider theme={webLightTheme}>
      <Pane service={svc} initialStep={initialStep} />
    </FluentProvider>
  );
  // Let the sheet list and profile load settle inside act().
  await act(async () => undefined);
}

async function readSheet(): Promise<void> {
  fireEvent.click(screen.getByRole("button", { name: "Đọc bảng điểm" }));
  await screen.findByText(/Đã đọc 3 đơn vị/);
}

afterEach(() => postNotice(null));

describe("Đọc bảng điểm (DOMAIN §4 reading)", () => {
  test("reading the active sheet shows the units, the criteria with max, bonus and deduction sections and the confidence", async () => {
    const svc = new FakeService();
    await renderPane(svc);
    await readSheet();
    // Only the active score sheet is read; our own "Xếp hạng" sheet is never offered.
    const [sheets, lang] = svc.callsOf("read")[0] as [string[] | undefined, string];
    expect(sheets ?? []).not.toContain("Xếp hạng");
    expect(lang).toBe("vi");
    expect(screen.queryByRole("checkbox", { name: /Xếp hạng/ })).toBeNull();

    const status = screen.getByRole("status", { name: "" });
    expect(status.textContent).toContain("2 tiêu chí chấm điểm");
    expect(status.textContent).toContain("tổng điểm tối đa 70");
    expect(status.textContent).toContain("92%");

    const tree = screen.getByRole("group", { name: "Cây tiêu chí" });
    expect(within(tree).getByText(/Hoàn thành kế hoạch năm/)).toBeTruthy();
    expect(within(tree).getByText("40")).toBeTruthy();
    expect(
      screen.getByText("Phần điểm thưởng: Điểm thưởng (tối đa 10)", { exact: false })
    ).toBeTruthy();
    expect(screen.getByText(/Phần điểm trừ: Điểm trừ/)).toBeTruthy();

    const units = screen.getByRole("heading", { name: "Đơn vị (3)" });
    expect(units).toBeTruthy();
    expect(screen.getByText("Sở Tài chính")).toBeTruthy();
    // Self and review columns per unit; a unit without review says so.
    expect(screen.getByText("Tự chấm: H6:H14 · Cụm chấm: không có")).toBeTruthy();
  });

  test("a part read wrongly is corrected from the selection and shown as corrected and saved", async () => {
    const svc = new FakeService();
    await renderPane(svc);
    await readSheet();
    fireEvent.click(
      screen.getByRole("button", { name: "Dùng vùng đang chọn làm Điểm cụm chấm (thẩm định)" })
    );
    await screen.findByText("Đã sửa");
    expect(svc.callsOf("useSelection")[0][0]).toBe("review");
    expect(screen.getByText("Cách đọc đã lưu")).toBeTruthy();
    expect(screen.getByText("J6:J14")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Bỏ cách đọc đã sửa, tự nhận lại" })).toBeTruthy();
  });

  test("a sheet that cannot be read gives a MessageBar that says what to do, never a stack trace", async () => {
    const svc = new FakeService();
    svc.failNext.read = new ServiceError(
      "no-score-sheet",
      "Trang “Sheet1” không có cột Điểm chuẩn"
    );
    await renderPane(svc);
    fireEvent.click(screen.getByRole("button", { name: "Đọc bảng điểm" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Không nhận ra bảng điểm");
    expect(alert.textContent).toContain("không có cột Điểm chuẩn");
    expect(alert.textContent).toContain("Hãy mở trang có bảng điểm");
  });

  test("an unexpected failure shows advice and hides the technical message", async () => {
    const svc = new FakeService();
    const err = new TypeError("Cannot read properties of undefined (reading 'values')");
    svc.failNext.read = err;
    await renderPane(svc);
    fireEvent.click(screen.getByRole("button", { name: "Đọc bảng điểm" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Đã xảy ra lỗi không mong muốn");
    expect(alert.textContent).not.toContain("Cannot read properties");
    expect(alert.textContent).not.toContain("at ");
  });
});

describe("Kiểm tra (DOMAIN §6 issues)", () => {
  async function toCheck(svc: FakeService): Promise<void> {
    await renderPane(svc);
    await readSheet();
    fireEvent.click(screen.getByRole("tab", { name: /Kiểm tra/ }));
    await screen.findByText("Sửa an toàn (2 ô)");
  }

  test("issues are counted per severity and grouped by unit", async () => {
    const svc = new FakeService();
    await toCheck(svc);
    expect(screen.getByText("Lỗi: 1")).toBeTruthy();
    expect(screen.getByText("Cảnh báo: 3")).toBeTruthy();
    expect(screen.getByText("Thông tin: 1")).toBeTruthy();
    // The error tab shows how many errors wait.
    expect(screen.getByRole("tab", { name: /Kiểm tra \(1\)/ })).toBeTruthy();
    expect(screen.getAllByRole("heading", { name: "Sở Tài chính" }).length).toBeGreaterThan(0);
    expect(screen.getByText("Chưa có điểm cụm chấm")).toBeTruthy();
  });

  test("clicking score-above-max selects its cell in the sheet", async () => {
    const svc = new FakeService();
    await toCheck(svc);
    fireEvent.click(
      screen.getByRole("button", { name: /Chọn ô D8 \(Bảng điểm\): Điểm 25 vượt điểm chuẩn 20/ })
    );
    await waitFor(() => expect(svc.callsOf("selectCell")).toEqual([["'Bảng điểm'!D8"]]));
  });

  test("text-number fix shows cell and old → new and writes only that cell", async () => {
    const svc = new FakeService();
    await toCheck(svc);
    const fixes = screen.getByRole("group", { name: "Sửa an toàn (2 ô)" });
    expect(fixes.textContent).toContain("E7 (Bảng điểm) “18,5” → 18,5");
    expect(fixes.textContent).toContain("F4 (Bảng điểm) “Së Tµi chÝnh” → Sở Tài chính");
    fireEvent.click(within(fixes).getByRole("button", { name: "Sửa ô E7 (Bảng điểm) thành 18,5" }));
    await screen.findByText("Đã sửa 1 ô. Đã kiểm tra lại.");
    const written = svc.callsOf("applyFixes");
    expect(written).toEqual([[[{ cell: "'Bảng điểm'!E7", value: 18.5 }]]]);
    // Checked again after the fix: the text-number is gone, the legacy one remains.
    await screen.findByText("Sửa an toàn (1 ô)");
    expect(screen.queryByText("Số được nhập dạng chữ: “18,5”")).toBeNull();
  });

  test("fix all writes every offered fix in one call", async () => {
    const svc = new FakeService();
    await toCheck(svc);
    fireEvent.click(screen.getByRole("button", { name: "Sửa tất cả 2 ô" }));
    await screen.findByText("Đã sửa 2 ô. Đã kiểm tra lại.");
    const [[fixes]] = svc.callsOf("applyFixes") as IssueFix[][][];
    expect(fixes.map((f) => f.cell).sort()).toEqual(["'Bảng điểm'!E7", "'Bảng điểm'!F4"]);
  });
});

describe("Tạo bảng xếp hạng (DOMAIN §7, §8)", () => {
  test("one click from a fresh pane reads the active sheet, builds the sheet and shows the top units and Tạm tính", async () => {
    const svc = new FakeService();
    await renderPane(svc, "rank");
    fireEvent.click(screen.getByRole("radio", { name: /Công thức/ }));
    fireEvent.click(screen.getByRole("button", { name: "Tạo bảng xếp hạng" }));
    await screen.findByText("Tạm tính");
    expect(svc.callsOf("read")).toHaveLength(1);
    expect(svc.callsOf("buildRanking")[0][0]).toBe("formulas");
    expect(screen.getByText(/Đã tạo trang “Xếp hạng”.*còn 1 lỗi/)).toBeTruthy();
    const rows = screen.getAllByRole("row").slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      "1 · NhấtSở Tư phápĐề nghị: Cờ thi đua của UBND tỉnh66,25",
      "2 · NhìSở Nội vụ58,50",
      "3 · BaSở Tài chính (chưa đủ điểm)41,00",
    ]);
  });

  test("a ranking without errors is not provisional", async () => {
    const svc = new FakeService();
    svc.issues = [];
    await renderPane(svc, "rank");
    fireEvent.click(screen.getByRole("button", { name: "Tạo bảng xếp hạng" }));
    await screen.findByText("Đã xếp hạng");
    expect(screen.queryByText("Tạm tính")).toBeNull();
    expect(svc.callsOf("buildRanking")[0][0]).toBe("values");
  });
});

describe("Giao ước và phiếu tự chấm (DOMAIN §8)", () => {
  test("the covenant Word file is built and handed to the browser as a download", async () => {
    const svc = new FakeService();
    const created: Blob[] = [];
    const clicks: string[] = [];
    URL.createObjectURL = (b: Blob): string => {
      created.push(b);
      return "blob:covenant";
    };
    URL.revokeObjectURL = (): void => undefined;
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
      this: HTMLAnchorElement
    ) {
      clicks.push(this.download);
    });
    await renderPane(svc, "outputs");
    fireEvent.click(screen.getByRole("button", { name: "Tải tệp Word (.docx)" }));
    await screen.findByText(/Đã tạo tệp “Giao-uoc-2025.docx”/);
    expect(svc.callsOf("buildCovenant")[0][0]).toBe("docx");
    expect(created).toHaveLength(1);
    expect(clicks).toEqual(["Giao-uoc-2025.docx"]);
    click.mockRestore();
  });

  test("the covenant sheet and the self-score templates are created from the profile", async () => {
    const svc = new FakeService();
    await renderPane(svc, "outputs");
    expect(screen.queryByText(/chưa có tên cụm/)).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Tạo trang giao ước" }));
    await screen.findByText("Đã tạo trang “Giao ước”.");
    fireEvent.click(screen.getByRole("button", { name: "Tạo phiếu tự chấm" }));
    await screen.findByText(/Đã tạo 3 phiếu: Tự chấm - Sở Nội vụ/);
    // The reading made for the covenant is reused for the templates, not read twice.
    expect(svc.callsOf("read")).toHaveLength(1);
  });
});

describe("Ngôn ngữ (i18n)", () => {
  test("the English switch changes the visible strings and the language of later reads", async () => {
    const svc = new FakeService();
    await renderPane(svc);
    expect(screen.getByRole("tab", { name: /Đọc/ })).toBeTruthy();
    fireEvent.click(screen.getByRole("switch", { name: "English" }));
    expect(screen.getByRole("tab", { name: /Read/ })).toBeTruthy();
    expect(screen.getByRole("tab", { name: /Settings/ })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Read score sheet" }));
    await screen.findByText(/Read 3 units/);
    expect(svc.callsOf("read")[0][1]).toBe("en");
  });

  test("the pane starts in English when Office's display language is English", async () => {
    await renderPane(new FakeService("en-US"));
    expect(screen.getByRole("button", { name: "Read score sheet" })).toBeTruthy();
    expect((screen.getByRole("switch", { name: "English" }) as HTMLInputElement).checked).toBe(
      true
    );
  });

  test("the pane starts in Vietnamese for a Vietnamese or unknown display language", async () => {
    await renderPane(new FakeService(""));
    expect(screen.getByRole("button", { name: "Đọc bảng điểm" })).toBeTruthy();
  });
});

describe("Ribbon notices", () => {
  test("a provisional one-click ranking from the ribbon is announced when the pane opens", async () => {
    postNotice({ kind: "ranked", sheetName: "Xếp hạng", provisional: true, errorCount: 2 });
    await renderPane(new FakeService());
    expect(
      screen.getByText(/Nút Xếp hạng nhanh đã tạo trang “Xếp hạng” \(tạm tính: còn 2 lỗi\)/)
    ).toBeTruthy();
  });
});

describe("Sửa cách đọc: which parts can be set from a selection", () => {
  test("bonus and deduction sections (read from labels) show where they are but offer no selection button", async () => {
    const svc = new FakeService();
    await renderPane(svc);
    await readSheet();
    const parts = screen.getByRole("list", { name: "Sửa cách đọc" });
    expect(within(parts).getByText("II. Điểm thưởng")).toBeTruthy();
    expect(within(parts).queryByRole("button", { name: /làm Phần điểm thưởng/ })).toBeNull();
    expect(
      within(parts).getByRole("button", { name: "Dùng vùng đang chọn làm Cột hệ số" })
    ).toBeTruthy();
    // A part not found says so.
    expect(within(parts).getByText("Chưa tìm thấy")).toBeTruthy();
  });
});

describe("Extra steps from other rooms", () => {
  test("an added step gets a tab in the current language and renders its content", async () => {
    const svc = new FakeService();
    render(
      <FluentProvider theme={webLightTheme}>
        <Pane
          service={svc}
          extraSteps={[
            {
              id: "email",
              label: { vi: "Gửi, nhận", en: "Email" },
              render: (lang) => <p>email panel {lang}</p>,
            },
          ]}
        />
      </FluentProvider>
    );
    await act(async () => undefined);
    fireEvent.click(screen.getByRole("tab", { name: "Gửi, nhận" }));
    expect(screen.getByText("email panel vi")).toBeTruthy();
    fireEvent.click(screen.getByRole("switch", { name: "English" }));
    expect(screen.getByRole("tab", { name: "Email" })).toBeTruthy();
    expect(screen.getByText("email panel en")).toBeTruthy();
  });
});

test("§9 the covenant step says when the settings lack a cluster name, before anything is generated", async () => {
  const svc = new FakeService();
  svc.profile = { ...svc.profile, clusterName: "" };
  await renderPane(svc, "outputs");
  expect(screen.getByText(/chưa có tên cụm\/khối hoặc danh sách thành viên/)).toBeTruthy();
});

test("K3 a tie at rank 1 left by the ranking is shown beside the result, never hidden", async () => {
  const svc = new FakeService();
  // The messages core writes (not text of this test's own): the tie, an ineligible unit, and an
  // issue that belongs to the check step, not beside the ranking.
  svc.issues = [
    makeIssue("tie-at-top", "vi", {
      unit: "Sở Nội vụ; Sở Tư pháp",
      params: { units: "Sở Nội vụ, Sở Tư pháp", total: "66,25" },
    }),
    makeIssue("score-missing", "vi", { cell: "'Bảng điểm'!H9", unit: "Sở Tài chính" }),
  ];
  const tie = svc.issues[0].message;
  const missing = svc.issues[1].message;
  expect(tie).toContain("cùng đứng đầu với 66,25 điểm");
  await renderPane(svc, "rank");
  expect(screen.queryByText(tie)).toBeNull();
  fireEvent.click(screen.getByRole("button", { name: "Tạo bảng xếp hạng" }));
  const shown = await screen.findByText(tie);
  // Beside the result: after the status line and before the table of the top units.
  const status = screen.getByText(/Đã tạo trang “Xếp hạng”/);
  const table = screen.getByRole("table");
  const follows = (a: Node, b: Node): boolean =>
    (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  expect(follows(status, shown)).toBe(true);
  expect(follows(shown, table)).toBe(true);
  expect(screen.getAllByText(tie)).toHaveLength(1);
  expect(screen.queryByText(missing)).toBeNull();
});
