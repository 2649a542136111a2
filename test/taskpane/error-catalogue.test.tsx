/**
 * One error catalogue: every failure code has a title and what to do next in both languages, and the
 * pane and the ribbon say the same sentence for the same failure.
 */
import "./text-encoder";
import { act, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createSimulator } from "../../src/simulator";
import { createOneClickRanking } from "../../src/commands/oneclick";
import { ExcelAdapterError } from "../../src/excel";
import { errorCodeOf } from "../../src/excel/errors";
import { currentNotice, postNotice } from "../../src/excel/notice";
import { ERROR_CODES, ERROR_STRINGS, errorMessage } from "../../src/sheets/errors";
import { createExcelService } from "../../src/taskpane/excel-service";
import { ErrorBar } from "../../src/taskpane/components/ErrorBar";
import { PaneProvider } from "../../src/taskpane/context";
import { Pane } from "../../src/taskpane/Pane";
import { ServiceError, type Reading } from "../../src/taskpane/service";
import { FakeService } from "./fake-service";

jest.setTimeout(60_000);

afterEach(() => postNotice(null));

test("every error code has a title and one sentence of what to do, in Vietnamese and English", () => {
  for (const code of ERROR_CODES) {
    for (const lang of ["vi", "en"] as const) {
      const title = ERROR_STRINGS[lang][`${code}.title`];
      const next = ERROR_STRINGS[lang][`${code}.next`];
      expect([code, lang, title?.length > 0]).toEqual([code, lang, true]);
      expect([code, lang, /[.”]$/.test(next ?? "")]).toEqual([code, lang, true]);
    }
    expect(ERROR_STRINGS.vi[`${code}.title`]).not.toBe(ERROR_STRINGS.en[`${code}.title`]);
  }
});

test("errorMessage puts the detail before the advice, without a doubled period", () => {
  expect(errorMessage("sheet-protected", "vi", "Trang 'Bảng điểm'.")).toEqual({
    title: "Trang tính đang được bảo vệ",
    body: "Trang 'Bảng điểm'. Hãy bỏ bảo vệ trang tính (thẻ Xem lại) rồi thử lại.",
  });
});

test("adapter and Office failures map to the same codes for every caller", () => {
  expect(errorCodeOf(new ExcelAdapterError("sheet-not-found", "X"))).toBe("no-score-sheet");
  expect(errorCodeOf(new ExcelAdapterError("sheet-protected"))).toBe("sheet-protected");
  expect(errorCodeOf(new ExcelAdapterError("bad-address", "Z0"))).toBe("no-selection");
  expect(errorCodeOf(Object.assign(new Error("denied"), { code: "AccessDenied" }))).toBe(
    "sheet-protected"
  );
  expect(
    errorCodeOf(Object.assign(new Error("editing"), { code: "InvalidOperationInCellEditMode" }))
  ).toBe("busy");
  expect(errorCodeOf(new ServiceError("no-reading"))).toBe("no-reading");
  expect(errorCodeOf(new TypeError("x is undefined"))).toBe("unexpected");
});

test("no-score-sheet: the pane's Rank and the ribbon's one click on an empty workbook show the same sentence", async () => {
  // The pane: Xếp hạng on a workbook with no score sheet fails through the service.
  const paneSim = createSimulator({ sheets: ["Sheet1"] });
  const service = createExcelService({ excel: paneSim.Excel as any, office: paneSim.Office });
  const reading = { sheets: [] } as unknown as Reading;
  const failure = await service.buildRanking("values", reading, "vi").then(
    () => null,
    (e: unknown) => e
  );
  expect(failure).toBeInstanceOf(ServiceError);
  const pane = render(
    <FluentProvider theme={webLightTheme}>
      <PaneProvider service={new FakeService()} lang="vi">
        <ErrorBar error={failure} />
      </PaneProvider>
    </FluentProvider>
  );
  const paneText = screen.getByRole("alert").textContent ?? "";
  pane.unmount();

  // The ribbon: the same click with the pane closed posts a notice the pane shows when it opens.
  const ribbonSim = createSimulator({ sheets: ["Sheet1"] });
  await createOneClickRanking({ excel: ribbonSim.Excel as any, office: ribbonSim.Office })();
  expect(currentNotice()).toMatchObject({ kind: "failed", code: "no-score-sheet" });
  render(
    <FluentProvider theme={webLightTheme}>
      <Pane service={new FakeService()} initialStep="read" />
    </FluentProvider>
  );
  await act(async () => undefined);
  const ribbonText = screen.getByRole("alert").textContent ?? "";

  const { title, body } = errorMessage("no-score-sheet", "vi", (failure as ServiceError).detail);
  expect(paneText).toBe(`${title}${body}`);
  expect(ribbonText).toBe(`${title}Nút Xếp hạng nhanh chưa xếp hạng được. ${body}`);
});
