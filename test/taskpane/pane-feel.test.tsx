/**
 * The pane as an Excel user expects it (issue 18): a named progress bar on anything slower than
 * 300 ms and none on quick actions, new results scrolled into view and announced, the Read results
 * kept (made again in the new language) across a language switch, and units in the sheet's order.
 */
import "./text-encoder";
import * as fs from "fs";
import * as path from "path";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { Pane, type StepId } from "../../src/taskpane/Pane";
import { PaneProvider } from "../../src/taskpane/context";
import { Progress, PROGRESS_DELAY_MS } from "../../src/taskpane/components/Progress";
import type { Reading } from "../../src/taskpane/service";
import { createExcelService } from "../../src/taskpane/excel-service";
import { simulatorFromXlsx } from "../../src/simulator";
import { FakeService, makeReading } from "./fake-service";
import { SAMPLES } from "../paths";
import "./layout";

jest.setTimeout(60_000);

function later<T>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((res) => {
    resolve = res;
  });
  return { promise, resolve };
}

async function renderPane(svc: FakeService, initialStep: StepId = "read"): Promise<void> {
  render(
    <FluentProvider theme={webLightTheme}>
      <Pane service={svc} initialStep={initialStep} />
    </FluentProvider>
  );
  await act(async () => undefined);
}

describe("progress (issue 18)", () => {
  afterEach(() => jest.useRealTimers());

  test("nothing for the first 300 ms, then a spinner naming the action", () => {
    jest.useFakeTimers();
    render(
      <FluentProvider theme={webLightTheme}>
        <PaneProvider service={new FakeService()} lang="vi">
          <Progress busy label="Tạo phiếu tự chấm" />
        </PaneProvider>
      </FluentProvider>
    );
    act(() => jest.advanceTimersByTime(PROGRESS_DELAY_MS - 1));
    expect(screen.queryByRole("progressbar")).toBeNull();
    act(() => jest.advanceTimersByTime(1));
    expect(screen.getByRole("progressbar", { name: /^Tạo phiếu tự chấm/ })).toBeTruthy();
    expect(screen.getByText(/Tạo phiếu tự chấm/)).toBeTruthy();
    expect(screen.getByText("Đang xử lý…")).toBeTruthy();
  });

  test("a slow template build shows the spinner with its name; it goes when the forms are made", async () => {
    const svc = new FakeService();
    const slow = later<void>();
    const build = svc.buildTemplates.bind(svc);
    svc.buildTemplates = async (...args) => {
      await slow.promise;
      return build(...args);
    };
    await renderPane(svc, "outputs");
    fireEvent.click(screen.getByRole("button", { name: "Tạo phiếu tự chấm" }));
    expect(
      await screen.findByRole("progressbar", { name: /^Tạo phiếu tự chấm/ }, { timeout: 3000 })
    ).toBeTruthy();
    await act(async () => slow.resolve());
    await screen.findByText(/Đã tạo 3 phiếu/);
    expect(screen.queryByRole("progressbar")).toBeNull();
  });
});

describe("results in view (issue 18)", () => {
  test("a new reading is scrolled into view inside a polite live region", async () => {
    const seen: string[] = [];
    const original = Element.prototype.scrollIntoView;
    Element.prototype.scrollIntoView = function (this: Element): void {
      seen.push(this.textContent ?? "");
    };
    try {
      await renderPane(new FakeService());
      expect(seen).toEqual([]);
      fireEvent.click(screen.getByRole("button", { name: "Đọc bảng điểm" }));
      const summary = await screen.findByText(/Đã đọc 3 đơn vị/);
      const region = summary.closest("[aria-live]") as HTMLElement;
      expect(region.getAttribute("aria-live")).toBe("polite");
      await waitFor(() => expect(seen.some((t) => /Đã đọc 3 đơn vị/.test(t))).toBe(true));
    } finally {
      Element.prototype.scrollIntoView = original;
    }
  });
});

describe("language switch (issue 18)", () => {
  test("the Read results stay on screen and are made again in English", async () => {
    const svc = new FakeService();
    await renderPane(svc);
    fireEvent.click(screen.getByRole("button", { name: "Đọc bảng điểm" }));
    await screen.findByText(/Đã đọc 3 đơn vị/);
    const slow = later<Reading>();
    svc.read = async (sheets, lang) => {
      svc.calls.push({ method: "read", args: [sheets, lang] });
      return slow.promise;
    };
    fireEvent.click(screen.getByRole("switch", { name: "English" }));
    // While the English reading is made, the results are still there, not an empty step.
    expect(screen.getByText(/Read 3 units/)).toBeTruthy();
    expect(screen.getByText("Sở Tài chính")).toBeTruthy();
    await act(async () => slow.resolve(makeReading()));
    expect(screen.getByText(/Read 3 units/)).toBeTruthy();
    const reads = svc.callsOf("read");
    expect(reads[reads.length - 1][1]).toBe("en");
  });
});

describe("issues sorted and filtered (issue 18)", () => {
  async function check(): Promise<void> {
    await renderPane(new FakeService());
    fireEvent.click(screen.getByRole("button", { name: "Đọc bảng điểm" }));
    await screen.findByText(/Đã đọc 3 đơn vị/);
    fireEvent.click(screen.getByRole("tab", { name: /^Kiểm tra/ }));
    await screen.findByRole("group", { name: "Lọc và sắp xếp các vấn đề" });
  }
  const headings = (): string[] =>
    screen
      .getAllByRole("heading", { level: 3 })
      .map((h) => (h.textContent ?? "").replace(/\s*\d+$/, "").trim());
  const choose = (label: string, value: string): void => {
    const filters = screen.getByRole("group", { name: "Lọc và sắp xếp các vấn đề" });
    fireEvent.change(within(filters).getByLabelText(label), { target: { value } });
  };

  test("one unit's issues only, with how many are hidden; 'Tất cả' shows them all again", async () => {
    await check();
    expect(screen.getByText("Điểm 25 vượt điểm chuẩn 20")).toBeTruthy();
    choose("Đơn vị", "Sở Tài chính");
    expect(screen.queryByText("Điểm 25 vượt điểm chuẩn 20")).toBeNull();
    expect(screen.getByText("Chưa có điểm cụm chấm")).toBeTruthy();
    expect(screen.getByText("Chữ mã TCVN3")).toBeTruthy();
    expect(screen.getByText("Đang hiện 2/5 vấn đề; chọn “Tất cả” để xem hết.")).toBeTruthy();
    choose("Đơn vị", "");
    expect(screen.getByText("Điểm 25 vượt điểm chuẩn 20")).toBeTruthy();
    expect(screen.queryByText(/Đang hiện/)).toBeNull();
  });

  test("by severity, by code: only warnings, then grouped by their code", async () => {
    await check();
    choose("Mức độ", "warning");
    expect(screen.queryByText("Điểm 25 vượt điểm chuẩn 20")).toBeNull();
    expect(screen.queryByText(/Điểm thưởng vượt mức/)).toBeNull();
    choose("Xếp theo", "code");
    expect(headings().filter((h) => /^[a-z]+(-[a-z]+)+$/.test(h))).toEqual([
      "legacy-encoding",
      "review-missing",
      "text-number",
    ]);
    choose("Mã vấn đề", "text-number");
    expect(screen.getByText("Số được nhập dạng chữ: “18,5”")).toBeTruthy();
    expect(screen.queryByText("Chữ mã TCVN3")).toBeNull();
  });

  test("grouped by unit, the units come in the sheet's order, errors first inside each", async () => {
    await check();
    choose("Xếp theo", "unit");
    const units = headings().filter((h) => /^Sở/.test(h));
    expect(units).toEqual(["Sở Nội vụ", "Sở Tư pháp", "Sở Tài chính"]);
    const tuPhap = screen
      .getAllByRole("list")
      .find((l) => /vượt điểm chuẩn/.test(l.textContent ?? ""));
    expect(tuPhap?.textContent?.indexOf("Điểm 25 vượt")).toBe(
      tuPhap?.textContent?.search(/Điểm 25|Điểm thưởng/)
    );
  });
});

describe("sheet order (issue 18)", () => {
  test("Read lists s1's units as its header row does (D4:J4), not by rank", async () => {
    const sim = await simulatorFromXlsx(
      fs.readFileSync(path.join(SAMPLES, "s1-layout-a", "input.xlsx"))
    );
    const sheet = sim.model.sheets[0];
    const header: string[] = [];
    for (let c = 3; c <= 9; c++) header.push(String(sim.model.result(sheet, 3, c)));
    const svc = createExcelService({ excel: sim.Excel as any, office: sim.Office });
    const r = await svc.read(undefined, "vi");
    expect(r.units.map((u) => u.unit)).toEqual(header);
    // The rank leader (Văn phòng UBND tỉnh, column E) is second, where the sheet has it.
    expect(r.units[1].unit).toBe("Văn phòng UBND tỉnh");
    expect(r.units[1].self).toMatch(/E5:E23$/);
  });
});
