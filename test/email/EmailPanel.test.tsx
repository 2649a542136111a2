import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { ConsolidateResult } from "../../src/core/returns";
import { EmailPanel } from "../../src/taskpane/email/EmailPanel";
import {
  EmailServiceError,
  type EmailService,
  type FreezePlanView,
  type PickedFile,
} from "../../src/taskpane/email/service";

const RESULT: ConsolidateResult = {
  units: [
    { name: "Sở Tư pháp", member: true, status: "received", files: ["tp.xlsx"] },
    { name: "Sở Nội vụ", member: true, status: "missing", files: [] },
    { name: "Thanh tra tỉnh", member: true, status: "rejected", files: ["tt.xlsx"] },
  ],
  problems: [
    {
      code: "unit-missing",
      severity: "warning",
      file: null,
      cell: null,
      unit: "Sở Nội vụ",
      criterion: null,
      message: "Chưa nhận được phiếu tự chấm của Sở Nội vụ",
    },
    {
      code: "other-year",
      severity: "error",
      file: "tt.xlsx",
      cell: null,
      unit: "Thanh tra tỉnh",
      criterion: null,
      message: "Tệp tt.xlsx là phiếu năm 2024",
    },
  ],
  conflicts: [
    {
      id: "so tu phap|1|review|tp.xlsx",
      unit: "Sở Tư pháp",
      criterion: "Hoàn thành kế hoạch",
      code: "1",
      row: 1,
      column: "review",
      existing: { value: 20, file: "Bảng tổng hợp", cell: "'Tổng hợp tự chấm'!E8" },
      incoming: { value: 19, file: "tp.xlsx", cell: "'Phiếu tự chấm'!E12" },
      chosen: "keep-existing",
      message: "Điểm cụm chấm trong tệp khác điểm đã nhập",
    },
  ],
  summary: { clusterName: "", year: 2025, rows: [], units: [], hasWeights: false },
};

const PLAN: FreezePlanView = {
  groups: [{ sheet: "Xếp hạng", range: "B1:C1", formula: "=THIDUA.TOTAL(A1:A3,B1:B3)" }],
  cells: [
    { cell: "'Xếp hạng'!B1", value: 87.75 },
    { cell: "'Xếp hạng'!C1", value: 86.5 },
  ],
  errors: [{ cell: "'Xếp hạng'!A9", value: "#SPILL!", formula: "=THIDUA.RANKING(A1:C3,D1:K3)" }],
};

function fakeService(over: Partial<EmailService> = {}) {
  const calls: { preview: PickedFile[][]; write: unknown[]; apply: FreezePlanView[] } = {
    preview: [],
    write: [],
    apply: [],
  };
  const service: EmailService = {
    formSettings: jest.fn(async () => ({
      year: 2021,
      clusterName: "CỤM THI ĐUA ……",
      yearFrom: "title" as const,
      clusterFrom: "title" as const,
    })),
    templateFiles: jest.fn(async () => []),
    openTemplateWorkbook: jest.fn(async () => false),
    previewReturns: jest.fn(async (files: PickedFile[]) => {
      calls.preview.push(files);
      return RESULT;
    }),
    writeReturns: jest.fn(async (files, _lang, choices) => {
      calls.write.push({ files: files.map((f) => f.name), choices });
      return { result: RESULT, sheetName: "Tổng hợp tự chấm" };
    }),
    checkBeforeSending: jest.fn(async () => []),
    planFreeze: jest.fn(async () => PLAN),
    applyFreeze: jest.fn(async (plan: FreezePlanView) => {
      calls.apply.push(plan);
      return {
        written: 1,
        cells: 2,
        skipped: [],
        spilled: ["'Xếp hạng'!B1:C1"],
        backupSheet: "THIDUA Hoàn tác",
      };
    }),
    undoFreeze: jest.fn(async () => ({ restored: 1, skipped: [], found: true })),
    cleanCopy: jest.fn(async () => {
      throw new EmailServiceError("trang tính đang được bảo vệ");
    }),
    ...over,
  };
  return { service, calls };
}

function mount(service: EmailService, lang: "vi" | "en" = "vi") {
  return render(
    <FluentProvider theme={webLightTheme}>
      <EmailPanel service={service} lang={lang} />
    </FluentProvider>
  );
}

const xlsx = (name: string) => new File([new Uint8Array([0x50, 0x4b, 3, 4])], name);

describe("EmailPanel (issue 8)", () => {
  it("says files stay on this computer, reads picked files, shows units and problems; any other file goes to the reader too, which names what it is (issue 19)", async () => {
    const { service, calls } = fakeService();
    mount(service);
    expect(
      screen.getByText("Tệp được đọc ngay trên máy này, không tải lên bất kỳ đâu.")
    ).toBeTruthy();
    const input = screen.getByLabelText("Chọn các tệp phiếu tự chấm");
    await act(async () => {
      fireEvent.change(input, {
        target: { files: [xlsx("tp.xlsx"), xlsx("tt.xlsx"), new File(["x"], "ghi chú.docx")] },
      });
    });
    await waitFor(() => expect(screen.getByText("Chưa gửi")).toBeTruthy());
    expect(calls.preview[0].map((f) => [f.name, f.bytes.byteLength])).toEqual([
      ["tp.xlsx", 4],
      ["tt.xlsx", 4],
      ["ghi chú.docx", 1],
    ]);
    expect(screen.queryByText(/Bỏ qua/)).toBeNull();
    expect(screen.getByText("Không nhận")).toBeTruthy();
    expect(screen.getByText("Tệp tt.xlsx là phiếu năm 2024")).toBeTruthy();
  });

  it("issue 19: while returned files are read, the pane names the one it is on", async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const { service } = fakeService({
      previewReturns: jest.fn(async (files: PickedFile[], _l, _c, _a, onProgress) => {
        onProgress?.({ index: 2, total: files.length, file: files[1].name });
        await gate;
        return RESULT;
      }),
    });
    mount(service);
    await act(async () => {
      fireEvent.change(screen.getByLabelText("Chọn các tệp phiếu tự chấm"), {
        target: { files: [xlsx("tp.xlsx"), xlsx("tt.xlsx")] },
      });
    });
    expect(await screen.findByText("Đang đọc tệp 2/2: tt.xlsx…")).toBeTruthy();
    await act(async () => release());
    await waitFor(() => expect(screen.queryByText(/Đang đọc tệp/)).toBeNull());
  });

  it("keeps the head's review by default and sends the explicit choice when the head takes the file's value", async () => {
    const { service, calls } = fakeService();
    mount(service);
    await act(async () => {
      fireEvent.drop(
        screen.getByRole("region", { name: "Kéo thả các tệp .xlsx nhận được vào đây" }),
        {
          dataTransfer: { files: [xlsx("tp.xlsx")] },
        }
      );
    });
    const keep = await screen.findByRole("radio", { name: /^Giữ 20 \(Bảng tổng hợp/ });
    expect((keep as HTMLInputElement).checked).toBe(true);
    await act(async () => {
      fireEvent.click(screen.getByRole("radio", { name: /^Lấy 19 \(tp\.xlsx/ }));
    });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Ghi bảng tổng hợp vào sổ" }));
    });
    await waitFor(() => expect(calls.write).toHaveLength(1));
    expect(calls.write[0]).toEqual({
      files: ["tp.xlsx"],
      choices: { "so tu phap|1|review|tp.xlsx": "take-incoming" },
    });
    expect(await screen.findByText(/Đã ghi trang “Tổng hợp tự chấm”/)).toBeTruthy();
  });

  it("Chốt kết quả lists every cell in the Vietnamese number format and the error cells, freezes only after confirmation, and Hoàn tác undoes it", async () => {
    const { service, calls } = fakeService();
    mount(service);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Chốt kết quả" }));
    });
    expect(await screen.findByText("'Xếp hạng'!B1")).toBeTruthy();
    expect(screen.getByText("'Xếp hạng'!C1")).toBeTruthy();
    expect(screen.getByText("87,75")).toBeTruthy();
    expect(screen.getByText("86,5")).toBeTruthy();
    expect(screen.queryByText("87.75")).toBeNull();
    expect(screen.getByText("B1:C1: =THIDUA.TOTAL(A1:A3,B1:B3)")).toBeTruthy();
    // #SPILL!: named, with its formula, and not counted among the cells to freeze.
    expect(screen.getByText("'Xếp hạng'!A9: #SPILL! (=THIDUA.RANKING(A1:C3,D1:K3))")).toBeTruthy();
    expect(calls.apply).toHaveLength(0);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Chốt 2 ô" }));
    });
    await waitFor(() => expect(calls.apply).toEqual([PLAN]));
    expect(await screen.findByText(/^Đã chốt 2 ô \(1 công thức\)/)).toBeTruthy();
    expect(screen.getByText(/THIDUA Hoàn tác/)).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Hoàn tác lần chốt" }));
    });
    expect(
      await screen.findByText("Đã khôi phục 1 công thức THIDUA, cả các vùng tràn.")
    ).toBeTruthy();
  });

  it("forms go out only after the year and cluster are confirmed: prefilled from the title, a dotted name refused", async () => {
    const { service } = fakeService();
    mount(service);
    const year = (await screen.findByDisplayValue("2021")) as HTMLInputElement;
    expect(screen.getAllByText("Lấy từ tiêu đề bảng điểm: hãy kiểm tra lại.")).toHaveLength(2);
    const download = screen.getByRole("button", { name: "Tải phiếu tự chấm (.xlsx)" });
    expect((download as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText("Hãy nhập tên cụm (không để dòng chấm).")).toBeTruthy();
    const confirm = screen.getByRole("checkbox", {
      name: "Tôi đã kiểm tra: phiếu ghi đúng năm và tên cụm này",
    }) as HTMLInputElement;
    expect(confirm.disabled).toBe(true);
    await act(async () => {
      fireEvent.change(screen.getByDisplayValue("CỤM THI ĐUA ……"), {
        target: { value: "Cụm thi đua các cơ quan tham mưu tổng hợp" },
      });
      fireEvent.change(year, { target: { value: "2025" } });
    });
    await act(async () => {
      fireEvent.click(confirm);
    });
    expect((download as HTMLButtonElement).disabled).toBe(false);
    await act(async () => {
      fireEvent.click(download);
    });
    await waitFor(() =>
      expect(service.templateFiles).toHaveBeenCalledWith("vi", {
        year: 2025,
        clusterName: "Cụm thi đua các cơ quan tham mưu tổng hợp",
      })
    );
    // Editing a field after confirming asks for the confirmation again.
    await act(async () => {
      fireEvent.change(year, { target: { value: "2026" } });
    });
    expect(confirm.checked).toBe(false);
  });

  it("shows a clean check as ready to send, and a failure in words the user can act on (English)", async () => {
    const { service } = fakeService();
    mount(service, "en");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Check before sending" }));
    });
    expect(await screen.findByText("No problem found: ready to send.")).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Make a copy to send" }));
    });
    expect(await screen.findByText("Could not do it: trang tính đang được bảo vệ")).toBeTruthy();
  });
});
