/**
 * The pane's receipt of returned forms (DOMAIN.md §8), before anything is written: per unit received
 * or refused and why, complete or not, its issues (R3, R4, N1) with their cells, and a "Vẫn nhận"
 * button per refused form that takes it explicitly, in the preview and in the write.
 */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { ConsolidateResult, ReturnedUnit } from "../../src/core/returns";
import { EmailPanel } from "../../src/taskpane/email/EmailPanel";
import type { EmailService, PickedFile } from "../../src/taskpane/email/service";

const REASON = "phiếu năm 2025, không phải năm 2026";

function result(accept: string[]): ConsolidateResult {
  const noiVu: ReturnedUnit = accept.includes("Nội vụ 2025.xlsx")
    ? {
        name: "Sở Nội vụ",
        member: true,
        status: "received",
        files: ["Nội vụ 2025.xlsx"],
        acceptedAnyway: true,
        reason: REASON,
        complete: true,
        checks: [],
      }
    : {
        name: "Sở Nội vụ",
        member: true,
        status: "rejected",
        files: ["Nội vụ 2025.xlsx"],
        reason: REASON,
      };
  return {
    units: [
      {
        name: "Sở Ngoại vụ",
        member: true,
        status: "received",
        files: ["nv.xlsx"],
        complete: false,
        checks: [
          {
            code: "score-missing",
            severity: "warning",
            cell: "'Phiếu tự chấm'!D12",
            criterion: "1.2 Chất lượng tham mưu",
            message: "Tiêu chí 1.2 chưa có điểm",
          },
          {
            code: "score-above-max",
            severity: "error",
            cell: "'Phiếu tự chấm'!D15",
            criterion: "2.1 Phát động thi đua",
            message: "Điểm 22 vượt điểm tối đa 20",
          },
        ],
      },
      noiVu,
      { name: "Thanh tra tỉnh", member: true, status: "missing", files: [] },
    ],
    refused: [],
    problems: [],
    conflicts: [],
    summary: { clusterName: "", year: 2026, rows: [], units: [], hasWeights: false },
  };
}

function fakeService() {
  const previews: string[][] = [];
  const writes: string[][] = [];
  const fail = async (): Promise<never> => {
    throw new Error("not used");
  };
  // Cast: the service grows methods for the other sections of the tab, which this test never calls.
  const service = {
    formSettings: jest.fn(async () => ({
      year: 2026,
      clusterName: "",
      yearFrom: "profile",
      clusterFrom: "none",
    })),
    templateFiles: jest.fn(async () => []),
    openTemplateWorkbook: jest.fn(async () => false),
    previewReturns: jest.fn(
      async (_f: PickedFile[], _l: unknown, _c: unknown, accept?: string[]) => {
        previews.push(accept ?? []);
        return result(accept ?? []);
      }
    ),
    writeReturns: jest.fn(async (_f: PickedFile[], _l: unknown, _c: unknown, accept?: string[]) => {
      writes.push(accept ?? []);
      return { result: result(accept ?? []), sheetName: "Tổng hợp tự chấm" };
    }),
    checkBeforeSending: jest.fn(async () => []),
    planFreeze: jest.fn(fail),
    applyFreeze: jest.fn(fail),
    undoFreeze: jest.fn(fail),
    cleanCopy: jest.fn(fail),
  } as unknown as EmailService;
  return { service, previews, writes };
}

const xlsx = (name: string) => new File([new Uint8Array([0x50, 0x4b, 3, 4])], name);

async function pick(files: File[]): Promise<void> {
  await act(async () => {
    fireEvent.change(screen.getByLabelText("Chọn các tệp phiếu tự chấm"), { target: { files } });
  });
}

describe("the receipt of returned forms (form-refused, R3 R4 before writing)", () => {
  it("shows per unit: received or refused and why, complete or not, its issues with cells; counts them under 'Cần xem lại'", async () => {
    const { service } = fakeService();
    render(
      <FluentProvider theme={webLightTheme}>
        <EmailPanel service={service} lang="vi" />
      </FluentProvider>
    );
    await pick([xlsx("nv.xlsx"), xlsx("Nội vụ 2025.xlsx")]);
    const table = await screen.findByRole("table", { name: "Tình trạng các đơn vị" });
    const row = (unit: string) =>
      within(table)
        .getAllByRole("row")
        .find((r) => within(r).queryAllByText(unit).length > 0)!;
    const nv = within(row("Sở Ngoại vụ"));
    expect(nv.getByText("Đã nhận")).toBeTruthy();
    expect(nv.getByText("Chưa đủ")).toBeTruthy();
    expect(nv.getByText("2 vấn đề")).toBeTruthy();
    expect(nv.getByText(/'Phiếu tự chấm'!D15: Điểm 22 vượt điểm tối đa 20/)).toBeTruthy();
    expect(within(row("Sở Nội vụ")).getByText(`Không nhận: ${REASON}`)).toBeTruthy();
    expect(within(row("Thanh tra tỉnh")).getByText("Chưa gửi")).toBeTruthy();
    // Nothing in the problem list, but the two issues of the forms are there to review.
    expect(screen.getByText("Cần xem lại (2)")).toBeTruthy();
  });

  it("Vẫn nhận takes the refused form explicitly: the preview and the write both carry it", async () => {
    const { service, previews, writes } = fakeService();
    render(
      <FluentProvider theme={webLightTheme}>
        <EmailPanel service={service} lang="vi" />
      </FluentProvider>
    );
    await pick([xlsx("nv.xlsx"), xlsx("Nội vụ 2025.xlsx")]);
    const accept = await screen.findByRole("button", {
      name: "Vẫn nhận phiếu Nội vụ 2025.xlsx của Sở Nội vụ",
    });
    await act(async () => {
      fireEvent.click(accept);
    });
    await waitFor(() => expect(screen.getByText(`Vẫn nhận (${REASON})`)).toBeTruthy());
    expect(previews).toEqual([[], ["Nội vụ 2025.xlsx"]]);
    expect(screen.queryByRole("button", { name: /^Vẫn nhận phiếu/ })).toBeNull();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Ghi bảng tổng hợp vào sổ" }));
    });
    await waitFor(() => expect(writes).toEqual([["Nội vụ 2025.xlsx"]]));
  });

  it("English: the same receipt in English words", async () => {
    const { service } = fakeService();
    render(
      <FluentProvider theme={webLightTheme}>
        <EmailPanel service={service} lang="en" />
      </FluentProvider>
    );
    await act(async () => {
      fireEvent.change(screen.getByLabelText("Choose the self-score files"), {
        target: { files: [xlsx("Nội vụ 2025.xlsx")] },
      });
    });
    expect(await screen.findByText(`Not accepted: ${REASON}`)).toBeTruthy();
    expect(
      screen.getByRole("button", { name: "Accept the form Nội vụ 2025.xlsx of Sở Nội vụ anyway" })
    ).toBeTruthy();
  });
});
