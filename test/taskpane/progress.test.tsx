/**
 * Issue 7: whatever may take a while shows that it is working and leaves the pane usable; whatever
 * fails says what happened and what to do, in a MessageBar, and the other steps keep working.
 * Read, Rank, the self-score templates, the Word covenant and the import of returned files.
 */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { Pane, type ExtraStep, type StepId } from "../../src/taskpane/Pane";
import { ServiceError, type Reading } from "../../src/taskpane/service";
import { EmailPanel } from "../../src/taskpane/email/EmailPanel";
import type { EmailService, PickedFile } from "../../src/taskpane/email/service";
import type { ConsolidateResult } from "../../src/core/returns";
import { FakeService, makeReading } from "./fake-service";
import "./layout";

jest.setTimeout(30_000);

/** A promise the test settles when it wants: the slow workbook. */
function later<T>(): {
  promise: Promise<T>;
  resolve: (v: T) => void;
  reject: (e: unknown) => void;
} {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

async function renderPane(
  svc: FakeService,
  initialStep: StepId = "read",
  extraSteps?: ExtraStep[]
): Promise<void> {
  render(
    <FluentProvider theme={webLightTheme}>
      <Pane service={svc} initialStep={initialStep} extraSteps={extraSteps} />
    </FluentProvider>
  );
  await act(async () => undefined);
}

const working = (): HTMLElement => screen.getByText("Đang xử lý…");

describe("issue 7: progress while the workbook works", () => {
  test("Read: a spinner and a disabled button while reading; the other steps stay open to the user", async () => {
    const svc = new FakeService();
    const slow = later<Reading>();
    svc.read = () => slow.promise;
    await renderPane(svc);
    const read = screen.getByRole("button", { name: "Đọc bảng điểm" });
    fireEvent.click(read);
    await waitFor(() => expect(working()).toBeTruthy());
    expect((read as HTMLButtonElement).disabled).toBe(true);
    // The pane stays usable: another step opens while the read is pending, and back again.
    fireEvent.click(screen.getByRole("tab", { name: "Cấu hình" }));
    expect(await screen.findByRole("heading", { name: "Cấu hình cụm/khối" })).toBeTruthy();
    fireEvent.click(screen.getByRole("tab", { name: "Đọc" }));
    await act(async () => slow.resolve(makeReading()));
    expect(screen.queryByText("Đang xử lý…")).toBeNull();
  });

  test("Rank: a spinner while the ranking sheet is written, the result when it is done", async () => {
    const svc = new FakeService();
    const slow = later<void>();
    const build = svc.buildRanking.bind(svc);
    svc.buildRanking = async (...args) => {
      await slow.promise;
      return build(...args);
    };
    await renderPane(svc, "rank");
    const rank = screen.getByRole("button", { name: "Tạo bảng xếp hạng" });
    fireEvent.click(rank);
    await waitFor(() => expect(working()).toBeTruthy());
    expect((rank as HTMLButtonElement).disabled).toBe(true);
    await act(async () => slow.resolve());
    await screen.findByText("Tạm tính");
    expect(screen.queryByText("Đang xử lý…")).toBeNull();
  });

  test("Templates and the Word covenant: a spinner, and both buttons wait for the first to finish", async () => {
    const svc = new FakeService();
    const slow = later<void>();
    const build = svc.buildTemplates.bind(svc);
    svc.buildTemplates = async (...args) => {
      await slow.promise;
      return build(...args);
    };
    await renderPane(svc, "outputs");
    fireEvent.click(screen.getByRole("button", { name: "Tạo phiếu tự chấm" }));
    await waitFor(() => expect(working()).toBeTruthy());
    expect(
      (screen.getByRole("button", { name: "Tải tệp Word (.docx)" }) as HTMLButtonElement).disabled
    ).toBe(true);
    await act(async () => slow.resolve());
    await screen.findByText(/Đã tạo 3 phiếu/);
  });
});

describe("issue 7: failures say what happened and what to do", () => {
  test("Rank on a protected sheet: the MessageBar names the cause and the way out; nothing else breaks", async () => {
    const svc = new FakeService();
    svc.failNext.buildRanking = Object.assign(new Error("AccessDenied"), { code: "AccessDenied" });
    await renderPane(svc, "rank");
    fireEvent.click(screen.getByRole("button", { name: "Tạo bảng xếp hạng" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Trang tính đang được bảo vệ");
    expect(alert.textContent).toContain("Hãy bỏ bảo vệ trang tính");
    // Pressing again after unprotecting works, and the message goes.
    fireEvent.click(screen.getByRole("button", { name: "Tạo bảng xếp hạng" }));
    await screen.findByText("Tạm tính");
    expect(screen.queryByRole("alert")).toBeNull();
  });

  test("Templates without a score sheet: what was missing and where to go", async () => {
    const svc = new FakeService();
    svc.failNext.read = new ServiceError("no-score-sheet", "Trang “Sheet1” không có bảng điểm");
    await renderPane(svc, "outputs");
    fireEvent.click(screen.getByRole("button", { name: "Tạo phiếu tự chấm" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Không nhận ra bảng điểm");
    expect(alert.textContent).toContain("Trang “Sheet1” không có bảng điểm.");
    expect(alert.textContent).toContain("Hãy mở trang có bảng điểm");
    expect(svc.callsOf("buildTemplates")).toHaveLength(0);
  });

  test("the Word covenant failing to build (its code not downloaded) is an unexpected-error MessageBar with advice", async () => {
    const svc = new FakeService();
    svc.failNext.buildCovenant = new Error("Loading chunk covenant-docx failed.");
    await renderPane(svc, "outputs");
    fireEvent.click(screen.getByRole("button", { name: "Tải tệp Word (.docx)" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Đã xảy ra lỗi không mong muốn");
    expect(alert.textContent).toContain("Hãy thử lại");
    expect(alert.textContent).not.toContain("Loading chunk");
  });

  test("a step whose code cannot load (lazy chunk rejected) says so in that step; the pane and the other tabs live on", async () => {
    const svc = new FakeService();
    const Broken = (): never => {
      throw new Error("ChunkLoadError: Loading chunk email failed.");
    };
    const errors = jest.spyOn(console, "error").mockImplementation(() => undefined);
    await renderPane(svc, "read", [
      { id: "email", label: { vi: "Gửi, nhận", en: "Email" }, render: () => <Broken /> },
    ]);
    fireEvent.click(screen.getByRole("tab", { name: "Gửi, nhận" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Không mở được bước này");
    expect(alert.textContent).toContain("Hãy đóng ngăn tác vụ THIDUA rồi mở lại");
    expect(alert.textContent).not.toContain("ChunkLoadError");
    fireEvent.click(screen.getByRole("tab", { name: "Đọc" }));
    fireEvent.click(screen.getByRole("button", { name: "Đọc bảng điểm" }));
    await screen.findByText(/Đã đọc 3 đơn vị/);
    expect(screen.queryByRole("alert")).toBeNull();
    errors.mockRestore();
  });
});

describe("issue 7: importing returned files (email step)", () => {
  const RESULT: ConsolidateResult = {
    units: [{ name: "Sở Tư pháp", member: true, status: "received", files: ["tp.xlsx"] }],
    problems: [],
    conflicts: [],
    summary: { clusterName: "", year: 2025, rows: [], units: [], hasWeights: false },
  };

  function emailService(previewReturns: EmailService["previewReturns"]): EmailService {
    return {
      formSettings: async () => ({
        year: 2025,
        clusterName: "Cụm thi đua số 1",
        yearFrom: "profile" as const,
        clusterFrom: "profile" as const,
      }),
      templateFiles: async () => [],
      openTemplateWorkbook: async () => false,
      previewReturns,
      writeReturns: async () => ({ result: RESULT, sheetName: "Tổng hợp tự chấm" }),
      checkBeforeSending: async () => [],
      planFreeze: async () => ({ groups: [], cells: [], errors: [] }),
      applyFreeze: async () => ({
        written: 0,
        cells: 0,
        skipped: [],
        spilled: [],
        backupSheet: null,
      }),
      undoFreeze: async () => ({ restored: 0, skipped: [], found: false }),
      cleanCopy: async () => undefined as never,
    };
  }

  const xlsx = (name: string): File => new File([new Uint8Array([0x50, 0x4b, 3, 4])], name);

  test("reading the picked files shows a spinner that stays in sight (sticky) until they are read", async () => {
    const slow = later<ConsolidateResult>();
    const picked: PickedFile[][] = [];
    render(
      <FluentProvider theme={webLightTheme}>
        <EmailPanel
          service={emailService(async (files) => {
            picked.push(files);
            return slow.promise;
          })}
          lang="vi"
        />
      </FluentProvider>
    );
    await act(async () => {
      fireEvent.change(screen.getByLabelText("Chọn các tệp phiếu tự chấm"), {
        target: { files: [xlsx("tp.xlsx")] },
      });
    });
    const spinner = await screen.findByText("Đang xử lý…");
    const status = spinner.closest("div[class]")?.parentElement as HTMLElement;
    expect(getComputedStyle(status).position).toBe("sticky");
    await act(async () => slow.resolve(RESULT));
    await waitFor(() => expect(screen.queryByText("Đang xử lý…")).toBeNull());
    expect(picked[0].map((f) => f.name)).toEqual(["tp.xlsx"]);
  });

  test("a file that cannot be read gives an error MessageBar, and the picker can be used again", async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <EmailPanel
          service={emailService(async () => {
            throw new Error("Corrupted zip: missing 4 bytes");
          })}
          lang="vi"
        />
      </FluentProvider>
    );
    await act(async () => {
      fireEvent.change(screen.getByLabelText("Chọn các tệp phiếu tự chấm"), {
        target: { files: [xlsx("hong.xlsx")] },
      });
    });
    const message = await screen.findByText(/Đã có lỗi không mong muốn/);
    expect(message.textContent).toContain("Hãy thử lại");
    expect(message.textContent).not.toContain("Corrupted zip");
    const picker = screen.getByLabelText("Chọn các tệp phiếu tự chấm") as HTMLInputElement;
    expect(picker.disabled).toBe(false);
    expect(within(document.body).queryByText("Đang xử lý…")).toBeNull();
  });
});
