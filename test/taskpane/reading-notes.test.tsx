/**
 * Issue 7: the pane tells what the CLI tells. The engine's notes (a hidden unit column not ranked,
 * hidden criteria rows still counted, a score sheet skipped for another) show in the Read step's
 * summary and above the Rank step's result, in the pane's language. The readings come from the real
 * engine over sheets with hidden rows and columns (issue 5), so the words are the engine's own.
 */
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { analyzeWorkbook } from "../../src/core";
import type { Grid } from "../../src/core/grid";
import type { Lang } from "../../src/core/i18n";
import { Pane, type StepId } from "../../src/taskpane/Pane";
import { makeReading } from "../../src/taskpane/reading";
import type { RankMode, RankResult, Reading } from "../../src/taskpane/service";
import { FakeService } from "./fake-service";

jest.setTimeout(30_000);

/** Layout A: last year's column E ("Năm 2024") and sub-criterion row 5 hidden, as an office does. */
function scoreSheet(name: string, hide: boolean, shift = 0): Grid {
  return {
    sheetName: name,
    top: 0,
    left: 0,
    values: [
      ["STT", "Nội dung tiêu chí", "Điểm chuẩn", "Sở A", "Năm 2024", "Sở B"],
      ["I", "Công tác chuyên môn", 60, null, null, null],
      ["1", "Hoàn thành kế hoạch", 30, 20 + shift, 29, 25],
      ["2", "Cải cách hành chính", 30, null, null, null],
      ["2.1", "Một cửa liên thông", 30, 20, 29, 25],
      ["II", "Công tác khác", 40, null, null, null],
      ["1", "Thi đua khen thưởng", 40, 30, 39, 35],
    ],
    ...(hide ? { hidden: { rows: [4], cols: [4] } } : {}),
  };
}

/** The fake workbook, read by the engine itself in the language the pane asks for. */
class EngineService extends FakeService {
  constructor(private readonly grids: Grid[]) {
    super();
  }
  private engineReading(lang: Lang): Reading {
    const res = analyzeWorkbook(this.grids, { lang });
    if (!res.ok) throw new Error(res.message);
    return makeReading(res.report, {}, lang);
  }
  override async read(sheets: string[] | undefined, lang: Lang): Promise<Reading> {
    this.calls.push({ method: "read", args: [sheets, lang] });
    return this.engineReading(lang);
  }
  override async buildRanking(mode: RankMode, reading: Reading, lang: Lang): Promise<RankResult> {
    this.calls.push({ method: "buildRanking", args: [mode, reading, lang] });
    return {
      sheetName: lang === "en" ? "Ranking" : "Xếp hạng",
      report: this.engineReading(lang).report,
    };
  }
}

async function renderPane(svc: FakeService, lang: Lang, step: StepId): Promise<void> {
  render(
    <FluentProvider theme={webLightTheme}>
      <Pane service={svc} lang={lang} initialStep={step} />
    </FluentProvider>
  );
  await act(async () => undefined);
}

async function press(name: string): Promise<void> {
  fireEvent.click(screen.getByRole("button", { name }));
  await act(async () => undefined);
}

describe("the Read step shows the reading's notes (issue 7)", () => {
  test("vi: the hidden 'Năm 2024' column is said not ranked, the hidden row still counted, once each", async () => {
    await renderPane(new EngineService([scoreSheet("Bảng điểm", true)]), "vi", "read");
    await press("Đọc bảng điểm");
    const note = await screen.findByRole("note", { name: "Lưu ý khi đọc bảng điểm" });
    const items = within(within(note).getByRole("list")).getAllByRole("listitem");
    expect(items.map((li) => li.textContent)).toEqual([
      'Trang "Bảng điểm": Cột E đang ẩn (Năm 2024): không xếp hạng; bỏ ẩn cột nếu đó là đơn vị cần xếp hạng.',
      'Trang "Bảng điểm": Dòng 5 đang ẩn nhưng vẫn được tính là tiêu chí (như hàm SUM của Excel).',
    ]);
    // The notes sit in the summary's live region, so a screen reader hears them with it.
    expect(screen.getByRole("status", { name: "" }).contains(note)).toBe(true);
    // The "how it was read" list does not repeat what the notes already say.
    expect(screen.getAllByText(/Cột E đang ẩn/)).toHaveLength(1);
    // Two units ranked, not three: the note matches what was read.
    expect(screen.getByRole("heading", { name: "Đơn vị (2)" })).toBeTruthy();
  });

  test("en: the same notes in English", async () => {
    await renderPane(new EngineService([scoreSheet("Bảng điểm", true)]), "en", "read");
    await press("Read score sheet");
    const note = await screen.findByRole("note", { name: "Notes on the reading" });
    expect(within(note).getByText(/Hidden column\(s\) E \(Năm 2024\): not ranked/)).toBeTruthy();
    expect(within(note).getByText(/Hidden row\(s\) 5: still counted as criteria/)).toBeTruthy();
    expect(screen.queryByText(/đang ẩn/)).toBeNull();
  });

  test("nothing hidden, one sheet: no notes box (so the tests above can fail)", async () => {
    await renderPane(new EngineService([scoreSheet("Bảng điểm", false)]), "vi", "read");
    await press("Đọc bảng điểm");
    await screen.findByText(/Đã đọc 3 đơn vị/);
    expect(screen.queryByRole("note")).toBeNull();
  });

  test("vi: a second score sheet skipped is named, with how to rank it instead", async () => {
    const svc = new EngineService([scoreSheet("Quý I", false), scoreSheet("Quý II", false, 5)]);
    await renderPane(svc, "vi", "read");
    await press("Đọc bảng điểm");
    const note = await screen.findByRole("note", { name: "Lưu ý khi đọc bảng điểm" });
    const items = within(note)
      .getAllByRole("listitem")
      .map((li) => li.textContent ?? "");
    expect(items).toHaveLength(2);
    // Which one is ranked is the engine's choice; the note names the other, never in silence.
    const said =
      /^Trang "(Quý I+)" cũng là bảng điểm nhưng không được xếp hạng: đã xếp hạng trang "(Quý I+)"\.$/.exec(
        items[0]
      );
    expect(said?.slice(1).sort()).toEqual(["Quý I", "Quý II"]);
    expect(items[1]).toContain("chọn trang ở mục “Trang tính cần đọc”");
  });
});

describe("the Rank step shows the notes above its result (issue 7)", () => {
  test.each([
    ["vi", "Tạo bảng xếp hạng", "Lưu ý khi đọc bảng điểm", /Cột E đang ẩn \(Năm 2024\)/],
    ["en", "Build ranking", "Notes on the reading", /Hidden column\(s\) E \(Năm 2024\)/],
  ] as const)(
    "%s: the hidden column's note comes before the ranking",
    async (lang, button, title, hidden) => {
      await renderPane(new EngineService([scoreSheet("Bảng điểm", true)]), lang, "rank");
      await press(button);
      const note = await screen.findByRole("note", { name: title });
      expect(within(note).getByText(hidden)).toBeTruthy();
      const table = screen.getByRole("table");
      expect(note.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
      expect(within(table).queryByText("Năm 2024")).toBeNull();
    }
  );
});
