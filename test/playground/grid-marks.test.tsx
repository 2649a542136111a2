/**
 * The playground's grid draws conditional formats as Excel does (issue 18): the issue marks the pane
 * adds show their fill over the cell's own, the user's own cell-value rule paints where it holds, and
 * once the marks are removed each cell shows its own fill again.
 */
import "../taskpane/text-encoder";
import { render } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createSimulator, type Simulator } from "../../src/simulator";
import { SheetGrid } from "../../src/playground/SheetGrid";
import { createIssueMarks, MARK_FILLS } from "../../src/excel/marks";

type Ctx = any;

function workbook(): Simulator {
  const s = createSimulator({ sheets: ["Bảng điểm"] });
  const sheet = s.model.sheets[0];
  const rows = [
    ["STT", "Tiêu chí", "Sở A", "Sở B"],
    ["1", "Kế hoạch", 20, 29],
    ["2", "Cải cách", 18, 27],
  ];
  rows.forEach((row, r) => row.forEach((v, c) => s.model.setConstant(sheet, r, c, v)));
  s.model.patchStyle(sheet, 1, 2, { fill: "#FFF2CC" });
  return s;
}

function fills(s: Simulator): Record<string, string> {
  const { container, unmount } = render(
    <FluentProvider theme={webLightTheme}>
      <SheetGrid
        model={s.model}
        sheet={s.model.sheets[0]}
        version={1}
        selected={{ row: 5, col: 5 }}
        label="Bảng tính"
        onSelect={() => undefined}
        onEdit={() => undefined}
        onClear={() => undefined}
      />
    </FluentProvider>
  );
  const out: Record<string, string> = {};
  for (const td of Array.from(container.querySelectorAll<HTMLElement>("td[data-cell]")))
    if (td.style.backgroundColor) out[td.dataset.cell ?? ""] = td.style.backgroundColor;
  unmount();
  return out;
}

const rgb = (hex: string): string =>
  `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(", ")})`;

describe("the grid draws conditional formats", () => {
  test("marks show by severity over the cell's own fill; the user's rule paints where it holds; cleared, the cells are as before", async () => {
    const s = workbook();
    await s.Excel.run(async (context: Ctx) => {
      const cf = context.workbook.worksheets
        .getItem("Bảng điểm")
        .getRange("C2:D3")
        .conditionalFormats.add("CellValue");
      cf.cellValue.rule = { formula1: "25", operator: "GreaterThan" };
      cf.cellValue.format.fill.color = "#C6EFCE";
      await context.sync();
    });
    const before = fills(s);
    expect(before).toEqual({ C2: rgb("#FFF2CC"), D2: rgb("#C6EFCE"), D3: rgb("#C6EFCE") });

    const marks = createIssueMarks(s.Excel);
    await marks.mark([
      { cell: "'Bảng điểm'!C2", severity: "error" },
      { cell: "'Bảng điểm'!D3", severity: "warning" },
      { cell: "'Bảng điểm'!C3", severity: "info" },
    ]);
    expect(fills(s)).toEqual({
      C2: rgb(MARK_FILLS.error),
      D2: rgb("#C6EFCE"),
      C3: rgb(MARK_FILLS.info),
      D3: rgb(MARK_FILLS.warning),
    });
    await marks.clear();
    expect(fills(s)).toEqual(before);
  });
});
