/**
 * The Check step marks the listed issues on the sheet (issue 18): "Đánh dấu trên bảng tính" hands the
 * issues the filters show to the workbook, says how many cells were coloured and what each colour
 * means; "Bỏ đánh dấu" removes the marks. A workbook that cannot be marked shows neither button.
 */
import "./text-encoder";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { Pane } from "../../src/taskpane/Pane";
import type { Issue } from "../../src/core/issues";
import type { ThiduaService } from "../../src/taskpane/service";
import { FakeService } from "./fake-service";
import "./layout";

jest.setTimeout(60_000);

type Marked = Pick<Issue, "cell" | "severity">[];
type Markable = FakeService & Pick<ThiduaService, "markIssues" | "clearMarks">;

function markable(): { svc: Markable; marked: Marked[]; cleared: number[] } {
  const svc: Markable = new FakeService();
  const marked: Marked[] = [];
  const cleared: number[] = [];
  svc.markIssues = async (issues: Marked) => {
    marked.push(issues.map((i) => ({ cell: i.cell, severity: i.severity })));
    return issues.filter((i) => i.cell).length;
  };
  svc.clearMarks = async () => {
    cleared.push(1);
  };
  return { svc, marked, cleared };
}

async function check(svc: FakeService, read = "Đọc bảng điểm", tab = /^Kiểm tra/): Promise<void> {
  render(
    <FluentProvider theme={webLightTheme}>
      <Pane service={svc} initialStep="read" />
    </FluentProvider>
  );
  await act(async () => undefined);
  fireEvent.click(screen.getByRole("button", { name: read }));
  await screen.findByText(/3 (đơn vị|units)/);
  fireEvent.click(screen.getByRole("tab", { name: tab }));
}

describe("issues marked on the sheet from the Check step", () => {
  test("the issues listed (one unit's, after a filter) are marked; the note names the colours; Bỏ đánh dấu removes them", async () => {
    const { svc, marked, cleared } = markable();
    await check(svc);
    const filters = await screen.findByRole("group", { name: "Lọc và sắp xếp các vấn đề" });
    fireEvent.change(within(filters).getByLabelText("Đơn vị"), {
      target: { value: "Sở Tư pháp" },
    });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Đánh dấu trên bảng tính" }));
    });
    expect(
      await screen.findByText(/Đã tô 2 ô có vấn đề: đỏ là lỗi, vàng là cảnh báo, xanh là thông tin/)
    ).toBeTruthy();
    // Sở Tư pháp's score-above-max (error, D8) and its info on D12: nothing of the other units.
    expect(marked).toEqual([
      [
        { cell: "'Bảng điểm'!D8", severity: "error" },
        { cell: "'Bảng điểm'!D12", severity: "info" },
      ],
    ]);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Bỏ đánh dấu" }));
    });
    expect(await screen.findByText("Đã bỏ đánh dấu; bảng tính như trước khi tô.")).toBeTruthy();
    expect(cleared).toHaveLength(1);
    expect(screen.queryByText(/Đã tô 2 ô/)).toBeNull();
  });

  test("in English the buttons and the note are English; every issue with a cell is marked", async () => {
    const { svc, marked } = markable();
    render(
      <FluentProvider theme={webLightTheme}>
        <Pane service={svc} initialStep="read" />
      </FluentProvider>
    );
    await act(async () => undefined);
    fireEvent.click(screen.getByRole("switch", { name: "English" }));
    fireEvent.click(screen.getByRole("button", { name: "Read score sheet" }));
    await screen.findByText(/Read 3 units/);
    fireEvent.click(screen.getByRole("tab", { name: /^Check/ }));
    await act(async () => {
      fireEvent.click(await screen.findByRole("button", { name: "Mark on the sheet" }));
    });
    expect(await screen.findByText(/Coloured 4 cells with issues: red for errors/)).toBeTruthy();
    expect(marked[0].filter((i) => i.cell).map((i) => i.cell)).toEqual(
      svc.issues.filter((i) => i.cell).map((i) => i.cell)
    );
    expect(screen.getByRole("button", { name: "Clear marks" })).toBeTruthy();
  });

  test("a workbook that cannot be marked shows no mark buttons", async () => {
    await check(new FakeService());
    await screen.findByRole("group", { name: "Lọc và sắp xếp các vấn đề" });
    expect(screen.queryByRole("button", { name: "Đánh dấu trên bảng tính" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Bỏ đánh dấu" })).toBeNull();
  });
});
