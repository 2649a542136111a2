/**
 * Issue 7, what the last session added, as the officer meets it: the "next step" buttons that carry
 * the pane Đọc → Kiểm tra → Xếp hạng → Giao ước and put the keyboard focus on the step opened; the
 * bonus section's cap said once; the top-units table at the ranking sheet's decimals (R-precision).
 * Queries by role and visible text only.
 */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { Pane, type StepId } from "../../src/taskpane/Pane";
import type { CriterionNode } from "../../src/core/report";
import type { Lang } from "../../src/core/i18n";
import type { Reading } from "../../src/taskpane/service";
import { FakeService, makeReading, makeReport } from "./fake-service";
import { setPaneWidth } from "./layout";

jest.setTimeout(30_000);

async function renderPane(svc: FakeService, initialStep: StepId = "read", lang?: Lang) {
  render(
    <FluentProvider theme={webLightTheme}>
      <Pane service={svc} initialStep={initialStep} lang={lang} />
    </FluentProvider>
  );
  await act(async () => undefined);
}

/** The step the pane shows: its tab is selected and holds the keyboard focus. */
async function expectOpened(tabName: RegExp): Promise<void> {
  const tab = screen.getByRole("tab", { name: tabName });
  expect(tab.getAttribute("aria-selected")).toBe("true");
  await waitFor(() => expect(document.activeElement).toBe(tab));
}

describe("issue 7: next-step buttons Đọc → Kiểm tra → Xếp hạng → Giao ước", () => {
  test("after reading a sheet with 1 error, the button names the errors, opens Kiểm tra and focuses its tab", async () => {
    const svc = new FakeService();
    await renderPane(svc);
    expect(screen.queryByRole("button", { name: /Tiếp theo/ })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Đọc bảng điểm" }));
    const next = await screen.findByRole("button", {
      name: "Tiếp theo: Kiểm tra (1 lỗi)",
    });
    fireEvent.click(next);
    await expectOpened(/^Kiểm tra/);
    expect(screen.getByRole("heading", { name: "Kiểm tra bảng điểm" })).toBeTruthy();
    // The reading is carried over: the issues are there without reading again.
    expect(screen.getByText("Lỗi: 1")).toBeTruthy();
    expect(svc.callsOf("read")).toHaveLength(1);
  });

  test("a sheet without errors offers the plain 'Tiếp theo: Kiểm tra'", async () => {
    const svc = new FakeService();
    svc.issues = [];
    await renderPane(svc);
    fireEvent.click(screen.getByRole("button", { name: "Đọc bảng điểm" }));
    fireEvent.click(await screen.findByRole("button", { name: "Tiếp theo: Kiểm tra" }));
    await expectOpened(/^Kiểm tra/);
    expect(screen.getByText("Không phát hiện vấn đề nào.")).toBeTruthy();
  });

  test("Kiểm tra → Xếp hạng → Giao ước, each button opening and focusing the next step", async () => {
    const svc = new FakeService();
    await renderPane(svc);
    fireEvent.click(screen.getByRole("button", { name: "Đọc bảng điểm" }));
    fireEvent.click(await screen.findByRole("button", { name: "Tiếp theo: Kiểm tra (1 lỗi)" }));
    await expectOpened(/^Kiểm tra/);

    fireEvent.click(screen.getByRole("button", { name: "Tiếp theo: Xếp hạng" }));
    await expectOpened(/^Xếp hạng/);
    // Nothing ranked yet: no way forward but building the ranking.
    expect(screen.queryByRole("button", { name: "Tiếp theo: Giao ước" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Tạo bảng xếp hạng" }));
    await screen.findByText("Tạm tính");
    // The reading made by Đọc is reused by the ranking.
    expect(svc.callsOf("read")).toHaveLength(1);

    fireEvent.click(screen.getByRole("button", { name: "Tiếp theo: Giao ước" }));
    await expectOpened(/^Giao ước/);
    expect(screen.getByRole("button", { name: "Tạo trang giao ước" })).toBeTruthy();
  });

  test("a provisional ranking (R: errors left) offers a way back to Kiểm tra", async () => {
    const svc = new FakeService();
    await renderPane(svc, "rank");
    fireEvent.click(screen.getByRole("button", { name: "Tạo bảng xếp hạng" }));
    await screen.findByText("Tạm tính");
    fireEvent.click(screen.getByRole("button", { name: "Mở bước Kiểm tra" }));
    await expectOpened(/^Kiểm tra/);
  });

  test("in English the buttons read Next: … and still move the focus", async () => {
    const svc = new FakeService("en-US");
    await renderPane(svc);
    fireEvent.click(screen.getByRole("button", { name: "Read score sheet" }));
    fireEvent.click(await screen.findByRole("button", { name: "Next: Check (errors: 1)" }));
    await expectOpened(/^Check/);
    fireEvent.click(screen.getByRole("button", { name: "Next: Rank" }));
    await expectOpened(/^Rank/);
  });
});

/** A reading whose bonus section is titled `label` and capped at `cap` by the engine. */
function withBonus(label: string, cap: number): Reading {
  const r = makeReading([]);
  const criteria: CriterionNode[] = r.report.criteria.map((n) =>
    n.kind === "bonus" ? { ...n, label, max: cap } : n
  );
  r.report = { ...r.report, criteria, bonusCap: cap };
  return r;
}

describe("issue 7: the bonus cap is said once", () => {
  async function readWith(svc: FakeService, reading: Reading, lang?: Lang): Promise<string> {
    svc.read = async () => reading;
    await renderPane(svc, "read", lang);
    fireEvent.click(
      screen.getByRole("button", { name: lang === "en" ? "Read score sheet" : "Đọc bảng điểm" })
    );
    return (await screen.findByText(lang === "en" ? /^Bonus section:/ : /^Phần điểm thưởng:/))
      .textContent as string;
  }

  test("a section titled '(tối đa 5 điểm)' with the engine's cap 5 is not followed by '(tối đa 5)' again", async () => {
    const text = await readWith(new FakeService(), withBonus("Điểm cộng (tối đa 5 điểm)", 5));
    expect(text).toContain("Phần điểm thưởng: Điểm cộng (tối đa 5 điểm)");
    expect(text.match(/tối đa/g)).toHaveLength(1);
  });

  test("a decimal cap written with a comma in the title counts as stated (N1: 2,5 = 2.5)", async () => {
    const text = await readWith(new FakeService(), withBonus("Điểm thưởng (tối đa 2,5 điểm)", 2.5));
    expect(text.match(/tối đa/g)).toHaveLength(1);
  });

  test("a title stating another number than the cap applied still shows the cap applied", async () => {
    const text = await readWith(new FakeService(), withBonus("Điểm thưởng (tối đa 15 điểm)", 10));
    expect(text).toContain("Điểm thưởng (tối đa 15 điểm) (tối đa 10)");
  });

  test("a title without a cap gets it, in English too", async () => {
    const text = await readWith(new FakeService("en-US"), withBonus("Bonus points", 5), "en");
    expect(text).toContain("Bonus section: Bonus points (cap 5)");
  });
});

describe("issue 7: the top-units table prints totals at the ranking sheet's decimals", () => {
  async function rankRows(svc: FakeService, precision: number, lang?: Lang): Promise<string[]> {
    const totals = [58.5, 66.25, 41];
    svc.buildRanking = async (_mode, _reading, l) => {
      const report = makeReport(svc.issues);
      report.precision = precision;
      report.units = report.units.map((u, i) => ({ ...u, total: totals[i] }));
      return { sheetName: l === "en" ? "Ranking" : "Xếp hạng", report };
    };
    await renderPane(svc, "rank", lang);
    fireEvent.click(
      screen.getByRole("button", { name: lang === "en" ? "Build ranking" : "Tạo bảng xếp hạng" })
    );
    const table = await screen.findByRole("table");
    return within(table)
      .getAllByRole("row")
      .slice(1)
      .map((row) => within(row).getAllByRole("cell")[2].textContent as string);
  }

  test("2 decimals in Vietnamese: 66,25 · 58,50 · 41,00, all with two digits after the comma", async () => {
    expect(await rankRows(new FakeService(), 2)).toEqual(["66,25", "58,50", "41,00"]);
  });

  test("1 decimal in English: every total at one digit, as the sheet prints it (66.25 → 66.3, 41 → 41.0)", async () => {
    expect(await rankRows(new FakeService("en-US"), 1, "en")).toEqual(["66.3", "58.5", "41.0"]);
  });

  test("no decimals: whole numbers, no trailing comma", async () => {
    expect(await rankRows(new FakeService(), 0)).toEqual(["66", "59", "41"]);
  });
});

describe("issue 7: the step tabs in a narrow pane", () => {
  afterEach(() => setPaneWidth(1000));

  test("tabs that do not fit are behind 'Các bước khác (2)', and choosing one opens it and focuses its tab", async () => {
    setPaneWidth(320);
    await renderPane(new FakeService());
    const more = await screen.findByRole("button", { name: "Các bước khác (2)" });
    // The first steps stay in sight; the last ones wait in the menu.
    expect(screen.getAllByRole("tab")).toHaveLength(3);
    for (const name of ["Đọc", "Kiểm tra", "Xếp hạng"])
      expect(screen.getByRole("tab", { name })).toBeTruthy();
    fireEvent.click(more);
    const hidden = await screen.findAllByRole("menuitem");
    expect(hidden.map((item) => item.textContent)).toEqual(["Giao ước", "Cấu hình"]);
    fireEvent.click(screen.getByRole("menuitem", { name: "Cấu hình" }));
    await expectOpened(/^Cấu hình/);
    expect(await screen.findByRole("heading", { name: "Cấu hình cụm/khối" })).toBeTruthy();
  });

  test("in a wide pane every step is a tab and there is no menu", async () => {
    await renderPane(new FakeService());
    expect(screen.getAllByRole("tab")).toHaveLength(5);
    expect(screen.queryByRole("button", { name: /^Các bước khác/ })).toBeNull();
  });
});
