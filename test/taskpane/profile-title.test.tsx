/**
 * DOMAIN.md §8 in the pane: a cluster not set up yet takes its name, Cụm/Khối, year and period from
 * the score sheet's own title, shown in Settings for confirmation and saved only when the officer saves.
 */
import { act, fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { Lang } from "../../src/core/i18n";
import type { ClusterProfile } from "../../src/core/profile";
import { Pane } from "../../src/taskpane/Pane";
import type { Reading } from "../../src/taskpane/service";
import { FakeService } from "./fake-service";

jest.setTimeout(60_000);

class TitledSheet extends FakeService {
  async read(sheets: string[] | undefined, lang: Lang): Promise<Reading> {
    return {
      ...(await super.read(sheets, lang)),
      title: { year: 2021, clusterName: "KHỐI THI ĐUA SỐ 2", kind: "khoi", period: "tong-ket" },
    };
  }
}

async function readThenSettings(svc: FakeService): Promise<void> {
  render(
    <FluentProvider theme={webLightTheme}>
      <Pane service={svc} initialStep="read" />
    </FluentProvider>
  );
  await act(async () => undefined);
  fireEvent.click(screen.getByRole("button", { name: "Đọc bảng điểm" }));
  await screen.findByText(/Đã đọc 3 đơn vị/);
  fireEvent.click(screen.getByRole("tab", { name: "Cấu hình" }));
}

test("§8: a new cluster's Settings are prefilled from the sheet's title and said so; nothing is saved until the officer saves", async () => {
  const svc = new TitledSheet();
  svc.profile = { ...svc.profile, clusterName: "", kind: "cum", year: 2026 };
  await readThenSettings(svc);
  const name = (await screen.findByRole("textbox", { name: "Tên cụm/khối" })) as HTMLInputElement;
  expect(name.value).toBe("KHỐI THI ĐUA SỐ 2");
  expect(screen.getByText(/được lấy từ tiêu đề bảng điểm/)).toBeTruthy();
  expect((screen.getByRole("radio", { name: "Khối" }) as HTMLInputElement).checked).toBe(true);
  expect(svc.callsOf("saveProfile")).toHaveLength(0);
  fireEvent.click(screen.getByRole("button", { name: "Lưu cấu hình" }));
  await screen.findByText("Đã lưu vào tệp.");
  const saved = svc.callsOf("saveProfile")[0][0] as ClusterProfile;
  expect([saved.clusterName, saved.kind, saved.year]).toEqual(["KHỐI THI ĐUA SỐ 2", "khoi", 2021]);
});

test("§8: a cluster already set up keeps its own settings whatever the title says", async () => {
  const svc = new TitledSheet();
  await readThenSettings(svc);
  const name = (await screen.findByRole("textbox", { name: "Tên cụm/khối" })) as HTMLInputElement;
  expect(name.value).toBe("Cụm thi đua số 3");
  expect(screen.queryByText(/được lấy từ tiêu đề bảng điểm/)).toBeNull();
});

test("§8 Họp cụm: the minutes, the ballot with its count and the award proposal download from the pane", async () => {
  const svc = new FakeService();
  URL.createObjectURL = jest.fn(() => "blob:x");
  URL.revokeObjectURL = jest.fn();
  render(
    <FluentProvider theme={webLightTheme}>
      <Pane service={svc} initialStep="outputs" />
    </FluentProvider>
  );
  await act(async () => undefined);
  expect(screen.getByRole("heading", { name: "Họp cụm" })).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "Biên bản họp (Word)" }));
  await screen.findByText(/minutes-2025\.docx/);
  fireEvent.click(screen.getByRole("button", { name: "Tờ trình khen thưởng (Word)" }));
  await screen.findByText(/proposal-2025\.docx/);
  fireEvent.click(screen.getByRole("button", { name: "Phiếu bầu, kiểm phiếu (Word)" }));
  await screen.findByText(/votes-2025\.docx/);
  expect(svc.callsOf("buildMeetingDoc").map((c) => c[0])).toEqual(["minutes", "proposal", "votes"]);
});
