/**
 * The playground's grid draws hidden rows and columns as Excel does (issue 5): not at all, with a
 * double line in the headers where they are, every other cell keeping its own address.
 */
import "../taskpane/text-encoder";
import { fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createSimulator, type Simulator } from "../../src/simulator";
import { SheetGrid, type CellPos } from "../../src/playground/SheetGrid";
import { PLAYGROUND_STRINGS } from "../../src/playground/strings";

type Ctx = any;

/** Layout A with last year's "Năm 2024" in column D, between the two units. */
function workbook(): Simulator {
  const s = createSimulator({ sheets: ["Bảng điểm"] });
  const sheet = s.model.sheets[0];
  const rows = [
    ["STT", "Tiêu chí", "Sở A", "Năm 2024", "Sở B"],
    ["1", "Kế hoạch", 20, 29, 25],
    ["2", "Cải cách", 18, 27, 24],
    ["3", "Khác", 30, 39, 35],
  ];
  rows.forEach((row, r) => row.forEach((v, c) => s.model.setConstant(sheet, r, c, v)));
  return s;
}

async function hide(
  s: Simulator,
  range: string,
  what: "rowHidden" | "columnHidden"
): Promise<void> {
  await s.Excel.run(async (context: Ctx) => {
    context.workbook.worksheets.getItem("Bảng điểm").getRange(range)[what] = true;
    await context.sync();
  });
}

function draw(s: Simulator, onSelect: (p: CellPos) => void = () => undefined): void {
  render(
    <FluentProvider theme={webLightTheme}>
      <SheetGrid
        model={s.model}
        sheet={s.model.sheets[0]}
        version={1}
        selected={{ row: 1, col: 2 }}
        label="Bảng tính"
        onSelect={onSelect}
        onEdit={() => undefined}
        onClear={() => undefined}
        hiddenHint={(kind, which) =>
          PLAYGROUND_STRINGS.t("vi", kind === "cols" ? "hiddenCols" : "hiddenRows", { which })
        }
      />
    </FluentProvider>
  );
}

const letters = (): string[] =>
  screen.getAllByRole("columnheader").map((th) => th.textContent ?? "");
const cell = (address: string): Element | null =>
  screen.getByTestId("sheet-grid").querySelector(`[data-cell="${address}"]`);

describe("hidden rows and columns in the playground grid (issue 5)", () => {
  test("nothing hidden: column D and its 'Năm 2024' are drawn (so the tests below can fail)", () => {
    draw(workbook());
    expect(letters().slice(0, 5)).toEqual(["A", "B", "C", "D", "E"]);
    expect(screen.getByText("Năm 2024")).toBeTruthy();
    expect(cell("D2")?.textContent).toBe("29");
  });

  test("a hidden column's cells are not shown, the next column keeps its letter and its cells", async () => {
    const s = workbook();
    await hide(s, "D:D", "columnHidden");
    draw(s);
    expect(letters().slice(0, 4)).toEqual(["A", "B", "C", "E"]);
    expect(screen.queryByText("Năm 2024")).toBeNull();
    expect(cell("D2")).toBeNull();
    expect(cell("D1")).toBeNull();
    expect(cell("E1")?.textContent).toBe("Sở B");
    expect(cell("E2")?.textContent).toBe("25");
    // Where D was, column E's header carries the double line and says what is hidden.
    const e = screen.getByRole("columnheader", { name: "E" });
    expect(e.getAttribute("title")).toBe("Cột đang ẩn: D");
    expect(screen.getByRole("columnheader", { name: "C" }).getAttribute("title")).toBeNull();
  });

  test("a hidden row is not shown and the rows below keep their numbers", async () => {
    const s = workbook();
    await hide(s, "3:3", "rowHidden");
    draw(s);
    const numbers = screen.getAllByRole("rowheader").map((th) => th.textContent);
    expect(numbers.slice(0, 3)).toEqual(["1", "2", "4"]);
    expect(screen.queryByText("Cải cách")).toBeNull();
    expect(cell("B4")?.textContent).toBe("Khác");
    expect(screen.getByRole("rowheader", { name: "4" }).getAttribute("title")).toBe(
      "Dòng đang ẩn: 3"
    );
  });

  test("the arrow keys step over a hidden column, as in Excel", async () => {
    const s = workbook();
    await hide(s, "D:D", "columnHidden");
    const moves: CellPos[] = [];
    draw(s, (p) => moves.push(p));
    fireEvent.keyDown(screen.getByRole("region", { name: "Bảng tính" }), { key: "ArrowRight" });
    expect(moves).toEqual([{ row: 1, col: 4 }]);
  });

  test("a merge across a hidden column spans only the columns shown", async () => {
    const s = workbook();
    const sheet = s.model.sheets[0];
    s.model.setConstant(sheet, 5, 2, "Tổng hợp");
    await s.Excel.run(async (context: Ctx) => {
      context.workbook.worksheets.getItem("Bảng điểm").getRange("C6:E6").merge();
      await context.sync();
    });
    await hide(s, "D:D", "columnHidden");
    draw(s);
    expect(cell("C6")?.getAttribute("colspan")).toBe("2");
    expect(cell("C6")?.textContent).toBe("Tổng hợp");
    expect(cell("E6")).toBeNull();
  });
});
