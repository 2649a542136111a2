/**
 * The App as index.tsx renders it: outside Excel (no `Excel` global) the pane still opens, and
 * pressing a button says what is wrong and what to do instead of failing silently.
 */
import "./text-encoder";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import App from "../../src/taskpane/App";
import { FakeService } from "./fake-service";

jest.setTimeout(30_000);

test("without a workbook, reading says the pane is not connected and to open THIDUA from Excel", async () => {
  render(
    <FluentProvider theme={webLightTheme}>
      <App host="browser" />
    </FluentProvider>
  );
  await act(async () => undefined);
  fireEvent.click(screen.getByRole("button", { name: "Đọc bảng điểm" }));
  const alert = await screen.findByRole("alert");
  expect(alert.textContent).toContain("Chưa kết nối được với sổ tính");
  expect(alert.textContent).toContain("Hãy mở THIDUA từ thẻ Trang đầu trong Excel");
  // No email step without Excel: it could not do anything either.
  expect(screen.queryByRole("tab", { name: "Gửi, nhận" })).toBeNull();
});

test("a protected sheet (Office's AccessDenied) is explained with the way to unprotect it", async () => {
  const svc = new FakeService();
  svc.failNext.read = Object.assign(
    new Error("The cell or chart you're trying to change is protected"),
    {
      code: "AccessDenied",
    }
  );
  render(
    <FluentProvider theme={webLightTheme}>
      <App host="excel" service={svc} />
    </FluentProvider>
  );
  await act(async () => undefined);
  fireEvent.click(screen.getByRole("button", { name: "Đọc bảng điểm" }));
  const alert = await screen.findByRole("alert");
  expect(alert.textContent).toContain("Trang tính đang được bảo vệ");
  expect(alert.textContent).toContain("bỏ bảo vệ trang tính");
  expect(alert.textContent).not.toContain("trying to change");
  // Dismissing the message removes it.
  fireEvent.click(screen.getByRole("button", { name: "Đóng thông báo" }));
  expect(screen.queryByRole("alert")).toBeNull();
});
