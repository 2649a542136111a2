/**
 * The print preview's content: the ranking and the covenant the sheet builders write, drawn as A4
 * HTML pages the way Excel prints them (widths, merges, number formats in the reader's decimal mark),
 * with the user's text always shown as text.
 */
import { defaultProfile } from "../../src/core/profile";
import {
  DIALOG_OFFICE_PROPERTY,
  previewKey,
  readPayload,
  PREVIEW_KEY_PREFIX,
} from "../../src/preview/payload";
import { DIALOG_OFFICE_PROPERTY as SIMULATOR_PROPERTY } from "../../src/simulator/dialog";
import { cellText, columnPx, renderPage, rowPx } from "../../src/preview/render";
import { PREVIEW_STRINGS } from "../../src/preview/strings";
import type { SheetSpec } from "../../src/sheets/spec";
import {
  PRINT_PREVIEW_STRINGS,
  openPrintPreview,
  previewPayload,
  previewUrl,
} from "../../src/taskpane/preview";
import { ServiceError } from "../../src/taskpane/service";
import { makeReading } from "../taskpane/fake-service";

const DATE = new Date(2026, 11, 15);
const profile = {
  ...defaultProfile(),
  clusterName: "Cụm thi đua số 3",
  year: 2026,
  members: ["Sở Nội vụ", "Sở Tư pháp", "Sở Tài chính"],
};

/** The page's visible text, cell by cell. */
const texts = (html: string): string[] =>
  [...html.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) =>
    m[1].replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
  );

test("print preview: the ranking page lists the units in rank order with totals in Vietnamese decimals (rank order, 66,25)", () => {
  const payload = previewPayload(makeReading(), profile, "vi", DATE);
  expect(payload.pages.map((p) => p.title)).toEqual(["Bảng xếp hạng", "Giao ước thi đua"]);
  expect(payload.decimal).toBe(",");
  const cells = texts(renderPage(payload.pages[0].spec, { title: "x", decimal: "," }));
  const order = ["Sở Tư pháp", "Sở Nội vụ", "Sở Tài chính"].map((u) => cells.indexOf(u));
  expect(order.every((i) => i > 0)).toBe(true);
  expect(order).toEqual([...order].sort((a, b) => a - b));
  expect(cells).toContain("66,25");
  expect(cells).not.toContain("66.25");
});

test("print preview: the covenant page carries its title and the year; English writes 66.25", () => {
  const vi = previewPayload(makeReading(), profile, "vi", DATE);
  expect(texts(renderPage(vi.pages[1].spec, { title: "x", decimal: "," }))).toContain(
    "GIAO ƯỚC THI ĐUA NĂM 2026"
  );
  const en = previewPayload(makeReading(), profile, "en", DATE);
  expect(en.pages.map((p) => p.title)).toEqual(["Ranking", "Emulation covenant"]);
  expect(texts(renderPage(en.pages[0].spec, { title: "x", decimal: "." }))).toContain("66.25");
  expect(texts(renderPage(en.pages[1].spec, { title: "x", decimal: "." }))).toContain(
    "EMULATION COVENANT 2026"
  );
});

test("print preview: a reading with no units previews the covenant alone", () => {
  const reading = makeReading();
  reading.report = { ...reading.report, units: [] };
  expect(previewPayload(reading, profile, "vi", DATE).pages.map((p) => p.title)).toEqual([
    "Giao ước thi đua",
  ]);
});

const SPEC: SheetSpec = {
  name: "Thử",
  kind: "ranking",
  cells: [
    { row: 0, col: 0, value: "Tiêu đề", style: { bold: true, size: 14, horizontal: "center" } },
    { row: 1, col: 0, value: "<script>alert(1)</script>" },
    { row: 1, col: 1, value: '=HYPERLINK("x")' },
    { row: 1, col: 2, value: 0.125, style: { numberFormat: "0.00%" } },
    { row: 2, col: 2, value: 8.5, style: { numberFormat: "0.00", border: true } },
  ],
  merges: [{ top: 0, left: 0, bottom: 0, right: 2 }],
  columnWidths: [5, 30],
  rowHeights: { 0: 30 },
  print: { paperSize: "A4", orientation: "landscape", fitToWidth: true },
};

test("print preview: merges span their columns, widths and heights follow Excel's units, A4 landscape", () => {
  const html = renderPage(SPEC, { title: "Thử", decimal: "," });
  expect(html).toMatch(/<td colspan="3"[^>]*font-weight:bold[^>]*>Tiêu đề<\/td>/);
  expect(html).toContain('class="page landscape"');
  expect(html).toContain('data-fit="1"');
  // Excel's default column (8.43 characters) is 64 px; 15 pt rows are 20 px.
  expect(columnPx(8.43)).toBe(64);
  expect(rowPx(15)).toBe(20);
  expect(html).toContain(`<col style="width:${columnPx(30)}px">`);
  expect(html).toContain(`<tr style="height:${rowPx(30)}px">`);
  // Three cells in row 0 are one: the row has a single td.
  expect(html.split("</tr>")[0].match(/<td/g)).toHaveLength(1);
});

test("print preview: a unit's text is shown as text, never as markup or a formula", () => {
  const cells = texts(renderPage(SPEC, { title: "Thử", decimal: "," }));
  expect(cells).toContain("<script>alert(1)</script>");
  expect(cells).toContain('=HYPERLINK("x")');
  expect(renderPage(SPEC, { title: "Thử", decimal: "," })).not.toContain("<script>");
});

test("print preview: numbers follow their format in the reader's decimal mark", () => {
  expect(cellText(0.125, { numberFormat: "0.00%" }, ",")).toBe("12,50%");
  expect(cellText(8.5, { numberFormat: "0.00" }, ",")).toBe("8,50");
  expect(cellText(8.5, { numberFormat: "0.00" }, ".")).toBe("8.50");
  expect(cellText(3, { numberFormat: "0" }, ",")).toBe("3");
  expect(cellText(null, undefined, ",")).toBe("");
});

test("print preview: the payload key carries Office's partition key, and junk in storage reads as nothing", () => {
  expect(previewKey("ab12")).toBe(`${PREVIEW_KEY_PREFIX}ab12`);
  expect(previewKey("ab12", "p1")).toBe(`p1${PREVIEW_KEY_PREFIX}ab12`);
  const store = new Map<string, string>([
    ["a", "not json"],
    ["b", JSON.stringify({ version: 2, pages: [] })],
    ["c", JSON.stringify({ version: 1, lang: "vi", decimal: ",", pages: [] })],
  ]);
  const storage = { getItem: (k: string) => store.get(k) ?? null };
  expect(readPayload(storage, "a")).toBeNull();
  expect(readPayload(storage, "b")).toBeNull();
  expect(readPayload(storage, "missing")).toBeNull();
  expect(readPayload(storage, "c")?.pages).toEqual([]);
});

test("print preview: the dialog's address is https on the pane's own host, beside taskpane.html", () => {
  expect(previewUrl("http://127.0.0.1:3000/playground.html?sample=x", "ab", "en")).toBe(
    "https://127.0.0.1:3000/preview.html?key=ab&lang=en"
  );
  expect(previewUrl("https://thidua.example.gov.vn/addin/taskpane.html", "cd", "vi")).toBe(
    "https://thidua.example.gov.vn/addin/preview.html?key=cd&lang=vi"
  );
});

test("print preview: an Excel without DialogApi 1.1 is told what to use instead, in its language", () => {
  const office = {
    context: { requirements: { isSetSupported: () => false }, ui: { displayDialogAsync: {} } },
  };
  const run = (lang: "vi" | "en"): unknown => {
    try {
      openPrintPreview({ office, reading: makeReading(), profile, lang, date: DATE });
    } catch (e) {
      return e;
    }
    return null;
  };
  const vi = run("vi");
  expect(vi).toBeInstanceOf(ServiceError);
  expect((vi as ServiceError).code).toBe("not-supported");
  expect((vi as ServiceError).detail).toBe(PRINT_PREVIEW_STRINGS.vi.noDialog);
  expect((run("en") as ServiceError).detail).toBe(PRINT_PREVIEW_STRINGS.en.noDialog);
});

test("the preview's words exist in Vietnamese and English with the same keys", () => {
  for (const table of [PREVIEW_STRINGS, PRINT_PREVIEW_STRINGS]) {
    expect(Object.keys(table.en).sort()).toEqual(Object.keys(table.vi).sort());
    for (const v of [...Object.values(table.vi), ...Object.values(table.en)])
      expect(v.trim()).not.toBe("");
  }
});

test("the preview page finds the playground's lent Office under the property the simulator sets", () => {
  // Spelled twice so the page Office opens carries no simulator code: a typo would leave the
  // playground's preview without its Office.
  expect(DIALOG_OFFICE_PROPERTY).toBe(SIMULATOR_PROPERTY);
});
