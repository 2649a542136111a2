/**
 * The playground behaves like Excel where a user notices: blocks of cells selected by keyboard and
 * mouse, the name box, undo/redo of the user's edits and of the add-in's writes (every cell back as
 * it was), ";" between arguments in a decimal-comma workbook, a THIDUA error explained on hover.
 */
import "../taskpane/text-encoder";
import { fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import * as fs from "fs";
import * as path from "path";
import { createSimulator, simulatorFromXlsx, type Simulator } from "../../src/simulator";
import { createExcelService } from "../../src/taskpane/excel-service";
import { SAMPLES } from "../paths";
import { SheetGrid } from "../../src/playground/SheetGrid";
import { History } from "../../src/playground/history";
import { toEnglishFormula } from "../../src/playground/formula-locale";
import { refusal } from "../../src/playground/validation";
import {
  cellSelection,
  currentRegion,
  nameBoxText,
  parseNameBox,
  type CellPos,
  type GridSelection,
} from "../../src/playground/selection";

type Ctx = any;

/** A score block B2:D4 with a title merged over A1:B1 and a lone note in F8. */
function workbook(): Simulator {
  const s = createSimulator({ sheets: ["Bảng điểm"], decimalSeparator: "," });
  const sheet = s.model.sheets[0];
  const rows = [
    ["Đơn vị", "Sở A", "Sở B"],
    ["Kế hoạch", 20, 25],
    ["Cải cách", 18.5, 24],
  ];
  rows.forEach((row, r) => row.forEach((v, c) => s.model.setConstant(sheet, r + 1, c + 1, v)));
  s.model.setConstant(sheet, 0, 0, "Bảng tổng hợp");
  s.model.merge(sheet, { top: 0, left: 0, bottom: 0, right: 1 }, false);
  s.model.setConstant(sheet, 7, 5, "Ghi chú");
  s.model.setFormula(sheet, 4, 2, "=SUM(C3:C4)");
  return s;
}

/** Every cell of every sheet as stored (value, formula, format) and as shown. */
function everything(s: Simulator): unknown {
  return s.model.sheets.map((sheet) => {
    const used = sheet.usedRect(false);
    return {
      name: sheet.name,
      cells: [...sheet.cells].map(([k, c]) => [k, JSON.stringify(c)]).sort(),
      shown: used ? s.model.results(sheet, { ...used, top: 0, left: 0 }) : [],
    };
  });
}

function draw(
  s: Simulator,
  selection: GridSelection,
  on: {
    select?: (p: CellPos) => void;
    range?: (sel: GridSelection) => void;
    undo?: () => void;
    redo?: () => void;
  } = {}
): HTMLElement {
  render(
    <FluentProvider theme={webLightTheme}>
      <SheetGrid
        model={s.model}
        sheet={s.model.sheets[0]}
        version={1}
        selected={selection.active}
        range={selection.rect}
        extent={selection.extent}
        label="Bảng tính"
        onSelect={on.select ?? (() => undefined)}
        onSelectRange={on.range}
        onEdit={() => undefined}
        onClear={() => undefined}
        onUndo={on.undo}
        onRedo={on.redo}
      />
    </FluentProvider>
  );
  return screen.getByRole("region", { name: "Bảng tính" });
}

const cell = (address: string): HTMLElement =>
  screen.getByTestId("sheet-grid").querySelector(`[data-cell="${address}"]`) as HTMLElement;

describe("range selection (issue 18)", () => {
  test("Shift+arrows grow the block from the active cell; the name box then reads B2:C3", () => {
    const s = workbook();
    const sheet = s.model.sheets[0];
    const got: GridSelection[] = [];
    const grid = draw(s, cellSelection(sheet, { row: 1, col: 1 }), { range: (x) => got.push(x) });
    fireEvent.keyDown(grid, { key: "ArrowDown", shiftKey: true });
    expect(got[0].active).toEqual({ row: 1, col: 1 });
    expect(got[0].rect).toEqual({ top: 1, left: 1, bottom: 2, right: 1 });
    expect(nameBoxText(sheet, { ...got[0], rect: { ...got[0].rect, right: 2 } })).toBe("B2:C3");
  });

  test("a block touching a merge takes the whole merge, as Excel does", () => {
    const s = workbook();
    const sheet = s.model.sheets[0];
    const got: GridSelection[] = [];
    // From B2 up into the title merged over A1:B1: the block reaches column A.
    const grid = draw(s, cellSelection(sheet, { row: 1, col: 1 }), { range: (x) => got.push(x) });
    fireEvent.keyDown(grid, { key: "ArrowUp", shiftKey: true });
    expect(got[0].rect).toEqual({ top: 0, left: 0, bottom: 1, right: 1 });
  });

  test("dragging from B2 to C4 selects the block; Shift+click stretches it to D5", () => {
    const s = workbook();
    const sheet = s.model.sheets[0];
    const got: GridSelection[] = [];
    const moves: CellPos[] = [];
    draw(s, cellSelection(sheet, { row: 1, col: 1 }), {
      range: (x) => got.push(x),
      select: (p) => moves.push(p),
    });
    fireEvent.mouseDown(cell("B2"), { button: 0 });
    fireEvent.mouseEnter(cell("C3"), { buttons: 1 });
    fireEvent.mouseEnter(cell("C4"), { buttons: 1 });
    expect(moves).toEqual([{ row: 1, col: 1 }]);
    expect(got.map((x) => x.rect)).toEqual([
      { top: 1, left: 1, bottom: 2, right: 2 },
      { top: 1, left: 1, bottom: 3, right: 2 },
    ]);
    // Once the button is up, passing over cells selects nothing more.
    fireEvent.mouseUp(window);
    fireEvent.mouseEnter(cell("D4"), { buttons: 0 });
    expect(got).toHaveLength(2);
    fireEvent.mouseDown(cell("D5"), { button: 0, shiftKey: true });
    expect(got[2].rect).toEqual({ top: 1, left: 1, bottom: 4, right: 3 });
  });

  test("the block is drawn tinted and framed, its headers lit, the active cell left white", () => {
    const s = workbook();
    const sheet = s.model.sheets[0];
    const active = { row: 1, col: 1 };
    draw(s, { active, rect: { top: 1, left: 1, bottom: 3, right: 2 }, extent: { row: 3, col: 2 } });
    expect(cell("C3").getAttribute("aria-selected")).toBe("true");
    expect(cell("C3").style.backgroundImage).toMatch(/linear-gradient/);
    expect(cell("B2").style.backgroundImage).toBe("");
    expect(cell("B2").getAttribute("data-active")).toBe("true");
    expect(cell("D3").getAttribute("aria-selected")).toBe("false");
    // The frame: C4 is the block's bottom-right corner.
    expect(cell("C4").style.boxShadow).toMatch(/inset 0 -2px.*inset -2px 0/);
    expect(cell("C3").style.boxShadow).toMatch(/inset -2px 0/);
    expect(cell("C3").style.boxShadow).not.toMatch(/inset 0 -2px/);
    void sheet;
  });

  test("Ctrl+A selects the data around the cell, again everything from A1; Ctrl+Home goes to A1", () => {
    const s = workbook();
    const sheet = s.model.sheets[0];
    expect(currentRegion(sheet, { row: 2, col: 2 })).toEqual({
      top: 0,
      left: 0,
      bottom: 4,
      right: 3,
    });
    const got: GridSelection[] = [];
    const moves: CellPos[] = [];
    const start = cellSelection(sheet, { row: 2, col: 2 });
    const grid = draw(s, start, { range: (x) => got.push(x), select: (p) => moves.push(p) });
    fireEvent.keyDown(grid, { key: "a", ctrlKey: true });
    expect(got[0].rect).toEqual({ top: 0, left: 0, bottom: 4, right: 3 });
    expect(got[0].active).toEqual({ row: 2, col: 2 });
    fireEvent.keyDown(grid, { key: "Home", ctrlKey: true });
    expect(moves).toEqual([{ row: 0, col: 0 }]);
  });

  test("a second Ctrl+A reaches the lone note in F8", () => {
    const s = workbook();
    const sheet = s.model.sheets[0];
    const got: GridSelection[] = [];
    const region = { top: 0, left: 0, bottom: 4, right: 3 };
    const grid = draw(
      s,
      { active: { row: 2, col: 2 }, rect: region, extent: { row: 4, col: 3 } },
      { range: (x) => got.push(x) }
    );
    fireEvent.keyDown(grid, { key: "a", ctrlKey: true });
    expect(got[0].rect).toEqual({ top: 0, left: 0, bottom: 7, right: 5 });
    void sheet;
  });

  test("the name box takes D5:J23 or a cell; anything else is refused", () => {
    const s = workbook();
    const sheet = s.model.sheets[0];
    const r = parseNameBox(sheet, " d5:j23 ");
    expect(r?.rect).toEqual({ top: 4, left: 3, bottom: 22, right: 9 });
    expect(r?.active).toEqual({ row: 4, col: 3 });
    expect(r && nameBoxText(sheet, r)).toBe("D5:J23");
    expect(parseNameBox(sheet, "$B$3")?.rect).toEqual({ top: 2, left: 1, bottom: 2, right: 1 });
    // B1 lies in the merged title: selecting it selects A1:B1, and the name box names the cell typed.
    const merged = parseNameBox(sheet, "B1");
    expect(merged?.rect).toEqual({ top: 0, left: 0, bottom: 0, right: 1 });
    expect(parseNameBox(sheet, "Sở A")).toBeNull();
    expect(parseNameBox(sheet, "C:C")).toBeNull();
  });

  test("Ctrl+Z and Ctrl+Y in the grid ask for undo and redo", () => {
    const s = workbook();
    const calls: string[] = [];
    const grid = draw(s, cellSelection(s.model.sheets[0], { row: 0, col: 0 }), {
      undo: () => calls.push("undo"),
      redo: () => calls.push("redo"),
    });
    fireEvent.keyDown(grid, { key: "z", ctrlKey: true });
    fireEvent.keyDown(grid, { key: "y", ctrlKey: true });
    fireEvent.keyDown(grid, { key: "Z", ctrlKey: true, shiftKey: true });
    expect(calls).toEqual(["undo", "redo", "redo"]);
  });
});

describe("undo and redo (issue 18)", () => {
  test("a typed entry is undone and redone, every cell of the workbook back as it was", () => {
    const s = workbook();
    const sheet = s.model.sheets[0];
    const h = new History(s.model);
    const before = everything(s);
    // C3 from 20 to 30: the total under it follows.
    h.record(() => s.model.enter(sheet, 2, 2, "30"));
    expect(s.model.result(sheet, 4, 2)).toBe(48.5);
    expect(s.model.result(sheet, 2, 2)).toBe(30);
    expect(h.undo()).toBe(true);
    expect(everything(s)).toEqual(before);
    expect(h.canRedo).toBe(true);
    h.redo();
    expect(s.model.result(sheet, 4, 2)).toBe(48.5);
    expect(h.undo()).toBe(true);
    expect(h.undo()).toBe(false);
  });

  test("what the add-in wrote in one action (two runs, a new sheet, formats) is undone by one step", async () => {
    const s = workbook();
    const h = new History(s.model);
    const before = everything(s);
    const run = async (batch: (c: Ctx) => Promise<void>): Promise<void> => {
      h.begin(7);
      try {
        await s.Excel.run(batch);
      } finally {
        h.end();
      }
    };
    await run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Bảng điểm");
      ws.getRange("C4").values = [[24.5]];
      ws.getRange("C4").format.fill.color = "#FFFF00";
      await context.sync();
    });
    await run(async (context) => {
      const ws = context.workbook.worksheets.add("Xếp hạng");
      ws.getRange("A1:B2").values = [
        ["Đơn vị", "Hạng"],
        ["Sở B", 1],
      ];
      await context.sync();
    });
    expect(s.model.sheets.map((x) => x.name)).toEqual(["Bảng điểm", "Xếp hạng"]);
    expect(h.undo()).toBe(true);
    expect(h.canUndo).toBe(false);
    expect(everything(s)).toEqual(before);
    expect(s.model.sheets.map((x) => x.name)).toEqual(["Bảng điểm"]);
    // Redo brings back the value, the fill and the sheet with its cells.
    h.redo();
    const sheet = s.model.sheets[0];
    expect(s.model.result(sheet, 3, 2)).toBe(24.5);
    expect(s.model.style(sheet, 3, 2).fill).toBe("#FFFF00");
    const ranking = s.model.sheetByName("Xếp hạng");
    expect(ranking && s.model.result(ranking, 1, 0)).toBe("Sở B");
  });

  test("a run that only reads leaves no step; another action makes a step of its own", async () => {
    const s = workbook();
    const h = new History(s.model);
    h.begin(1);
    await s.Excel.run(async (context: Ctx) => {
      const r = context.workbook.worksheets.getItem("Bảng điểm").getRange("B2:D4");
      r.load("values");
      await context.sync();
    });
    h.end();
    expect(h.canUndo).toBe(false);
    h.begin(1);
    s.model.enter(s.model.sheets[0], 9, 0, "x");
    h.end();
    h.begin(2);
    s.model.enter(s.model.sheets[0], 9, 1, "y");
    h.end();
    h.undo();
    expect(s.model.result(s.model.sheets[0], 9, 0)).toBe("x");
    expect(s.model.result(s.model.sheets[0], 9, 1)).toBeNull();
  });
});

describe("formulas and errors as a Vietnamese Excel shows them (issue 18)", () => {
  test("=SUM(1;2) is 3 and =SUM(1,5;2) is 3.5 where the decimal mark is the comma", () => {
    const s = workbook();
    const sheet = s.model.sheets[0];
    s.model.enter(sheet, 10, 0, toEnglishFormula("=SUM(1;2)", ","));
    s.model.enter(sheet, 10, 1, toEnglishFormula("=SUM(1,5;2)", ","));
    s.model.enter(sheet, 10, 2, toEnglishFormula('=IF(B3>1;"a;b";"c,d")', ","));
    expect(s.model.result(sheet, 10, 0)).toBe(3);
    expect(s.model.result(sheet, 10, 1)).toBe(3.5);
    expect(s.model.result(sheet, 10, 2)).toBe("a;b");
    // In an en-US workbook, and without ";", a formula is left as typed.
    expect(toEnglishFormula("=SUM(1;2)", ".")).toBe("=SUM(1;2)");
    expect(toEnglishFormula('=THIDUA.NUMBER("8,5")', ",")).toBe('=THIDUA.NUMBER("8,5")');
  });

  test("hovering a THIDUA #VALUE! shows the function's message; other cells have none", () => {
    const s = workbook();
    const sheet = s.model.sheets[0];
    s.model.enter(sheet, 5, 1, '=THIDUA.NUMBER("abc")');
    s.model.enter(sheet, 5, 2, "=1/0");
    draw(s, cellSelection(sheet, { row: 0, col: 0 }));
    expect(cell("B6").textContent).toBe("#VALUE!");
    expect(cell("B6").getAttribute("title")).toMatch(/abc/);
    expect(cell("C6").textContent).toBe("#DIV/0!");
    expect(cell("C6").getAttribute("title")).toBeNull();
    expect(cell("C3").getAttribute("title")).toBeNull();
  });
});

describe("a sheet as large as Excel's first screens (issue 18)", () => {
  test("the grid goes on to row 2,000 and column CV, drawing only the rows and columns in view", () => {
    const s = workbook();
    const sheet = s.model.sheets[0];
    s.model.setConstant(sheet, 1998, 99, "cuối");
    const grid = draw(s, cellSelection(sheet, { row: 0, col: 0 }));
    expect(cell("A1")).not.toBeNull();
    expect(cell("CV1999")).toBeNull();
    expect(grid.querySelectorAll("td[data-cell]").length).toBeLessThan(2000);
    // Scrolled to the bottom right (default rows 20 px, columns 64 px): the far cells are drawn.
    grid.scrollTop = 1990 * 20;
    grid.scrollLeft = 95 * 64;
    fireEvent.scroll(grid);
    expect(cell("CV1999")?.textContent).toBe("cuối");
    expect(cell("A1")).toBeNull();
    expect(screen.getByRole("columnheader", { name: "CV" })).toBeTruthy();
    expect(screen.getByRole("rowheader", { name: "2000" })).toBeTruthy();
    // The scrollable width is the whole sheet's: a few empty columns past CV, 64 px each.
    const table = grid.querySelector("table") as HTMLTableElement;
    expect(parseFloat(table.style.width)).toBe(44 + 103 * 64);
  });
});

describe("text overflow (issue 18)", () => {
  test("text runs on over an empty neighbour only: not over a value, not from a merge or a number", () => {
    const s = workbook();
    const sheet = s.model.sheets[0];
    s.model.setConstant(sheet, 9, 0, "Sở Lao động - Thương binh và Xã hội");
    s.model.setConstant(sheet, 9, 1, "x");
    s.model.setConstant(sheet, 10, 0, 12345678);
    draw(s, cellSelection(sheet, { row: 0, col: 0 }));
    expect(cell("F8").style.overflow).toBe("visible");
    expect(cell("A10").style.overflow).toBe("");
    expect(cell("B3").style.overflow).toBe("");
    expect(cell("A1").style.overflow).toBe("");
    expect(cell("A11").style.overflow).toBe("");
  });
});

describe("data validation as Excel enforces it (issue 18)", () => {
  /** Self scores in D6:D8 between 0 and the max beside them (C6:C8 = 25, 20, 10), as the forms do. */
  function form(errorAlert?: Record<string, unknown>): Simulator {
    const s = workbook();
    const sheet = s.model.sheets[0];
    [25, 20, 10].forEach((max, k) => s.model.setConstant(sheet, 5 + k, 2, max));
    sheet.validations.push({
      range: { top: 5, left: 3, bottom: 7, right: 3 },
      rule: { decimal: { formula1: 0, formula2: "=C6", operator: "Between" } },
      errorAlert,
    });
    return s;
  }

  test("30 is refused where the max is 25, 25 taken; the bound follows the row (22 refused under 20)", () => {
    const s = form({
      showAlert: true,
      style: "Stop",
      title: "Điểm tự chấm",
      message: "Từ 0 đến điểm chuẩn.",
    });
    const sheet = s.model.sheets[0];
    expect(refusal(s.model, sheet, 5, 3, 30)).toEqual({
      style: "Stop",
      title: "Điểm tự chấm",
      message: "Từ 0 đến điểm chuẩn.",
    });
    expect(refusal(s.model, sheet, 5, 3, 25)).toBeNull();
    expect(refusal(s.model, sheet, 6, 3, 22)).not.toBeNull();
    expect(refusal(s.model, sheet, 7, 3, 9.5)).toBeNull();
    expect(refusal(s.model, sheet, 5, 3, -1)).not.toBeNull();
    // Text in a number cell is refused; a blank is allowed; cells outside the rule are free.
    expect(refusal(s.model, sheet, 5, 3, "mười")).not.toBeNull();
    expect(refusal(s.model, sheet, 5, 3, null)).toBeNull();
    expect(refusal(s.model, sheet, 5, 4, 30)).toBeNull();
  });

  test("without a message of its own the rule gets Excel's standard one (Stop)", () => {
    const s = form();
    expect(refusal(s.model, s.model.sheets[0], 5, 3, 30)).toEqual({
      style: "Stop",
      title: "",
      message: "",
    });
  });

  test("a self-score form THIDUA wrote for s1 refuses 30 in the criterion worth 25", async () => {
    const sim = await simulatorFromXlsx(
      fs.readFileSync(path.join(SAMPLES, "s1-layout-a", "input.xlsx"))
    );
    const svc = createExcelService({ excel: sim.Excel as any, office: sim.Office });
    const r = await svc.read(undefined, "vi");
    const { sheetNames } = await svc.buildTemplates(r, "vi");
    const form = sim.model.sheetByName(sheetNames[0]);
    expect(form).toBeDefined();
    if (!form) return;
    // The row of "Hoàn thành chương trình, kế hoạch công tác năm" (max 25) and its entry cell.
    let row = -1;
    form.forEachCell((rr, _c, cell) => {
      if (typeof cell.value === "string" && cell.value.includes("Hoàn thành chương trình"))
        row = rr;
    });
    const rule = form.validations.find((v) => v.range.top <= row && v.range.bottom >= row);
    expect(rule).toBeDefined();
    const col = rule?.range.left ?? -1;
    expect(refusal(sim.model, form, row, col, 30)).not.toBeNull();
    expect(refusal(sim.model, form, row, col, 25)).toBeNull();
    expect(refusal(sim.model, form, row, col, 24.5)).toBeNull();
  }, 60_000);

  test("a list takes only its items", () => {
    const s = workbook();
    const sheet = s.model.sheets[0];
    sheet.validations.push({
      range: { top: 9, left: 0, bottom: 9, right: 0 },
      rule: { list: { inCellDropDown: true, source: "Đạt,Không đạt" } },
    });
    expect(refusal(s.model, sheet, 9, 0, "đạt")).toBeNull();
    expect(refusal(s.model, sheet, 9, 0, "Tốt")).not.toBeNull();
  });
});
