/**
 * The Giao ước step's "Xem trước bản in": offered only where the service can open a dialog; while the
 * preview is open the pane says where it is and stays usable; closing it clears that, and a dialog
 * Office could not open is reported with what to do.
 */
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { Pane } from "../../src/taskpane/Pane";
import { ServiceError, type PreviewHandle, type Reading } from "../../src/taskpane/service";
import type { Lang } from "../../src/core/i18n";
import { PANE_STRINGS } from "../../src/taskpane/strings";
import { FakeService } from "./fake-service";
import "./layout";

jest.setTimeout(30_000);

class PreviewService extends FakeService {
  opened: [Reading, Lang][] = [];
  settle!: { resolve: () => void; reject: (e: unknown) => void };
  async openPreview(reading: Reading, lang: Lang): Promise<PreviewHandle> {
    this.opened.push([reading, lang]);
    const closed = new Promise<void>((resolve, reject) => {
      this.settle = { resolve, reject };
    });
    return { closed };
  }
}

async function renderOutputs(svc: FakeService): Promise<void> {
  render(
    <FluentProvider theme={webLightTheme}>
      <Pane service={svc} initialStep="outputs" />
    </FluentProvider>
  );
  await act(async () => undefined);
}

const OPEN_TEXT = PANE_STRINGS.vi.previewOpen;

test("print preview: no button where the service cannot open a dialog", async () => {
  await renderOutputs(new FakeService());
  expect(screen.queryByRole("button", { name: "Xem trước bản in" })).toBeNull();
});

test("print preview: the button reads the sheet, opens the preview, says it is open, and clears that when it closes", async () => {
  const svc = new PreviewService();
  await renderOutputs(svc);
  const button = screen.getByRole("button", { name: "Xem trước bản in" });
  fireEvent.click(button);
  expect(await screen.findByText(OPEN_TEXT)).toBeTruthy();
  expect(svc.opened).toHaveLength(1);
  expect(svc.opened[0][1]).toBe("vi");
  expect(svc.opened[0][0].report.units.map((u) => u.name)).toContain("Sở Tư pháp");
  expect((button as HTMLButtonElement).disabled).toBe(true);
  // The rest of the step stays usable while the dialog is open.
  expect(
    (screen.getByRole("button", { name: "Tạo trang giao ước" }) as HTMLButtonElement).disabled
  ).toBe(false);
  await act(async () => svc.settle.resolve());
  await waitFor(() => expect(screen.queryByText(OPEN_TEXT)).toBeNull());
  expect((button as HTMLButtonElement).disabled).toBe(false);
});

test("print preview: a dialog Office could not open is reported with Office's reason", async () => {
  const svc = new PreviewService();
  await renderOutputs(svc);
  fireEvent.click(screen.getByRole("button", { name: "Xem trước bản in" }));
  await screen.findByText(OPEN_TEXT);
  const detail = "Excel không mở được cửa sổ xem trước (A dialog box is already opened. 12007)";
  await act(async () => svc.settle.reject(new ServiceError("not-supported", detail)));
  expect(await screen.findByText(new RegExp("12007"))).toBeTruthy();
  expect(screen.queryByText(OPEN_TEXT)).toBeNull();
});
