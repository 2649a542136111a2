/**
 * The Họp cụm screen (K7 counts, K8 election): reached from the Giao ước step, it refuses counts that
 * do not add up with a sentence at the field, keeps what was typed across a language switch and a
 * close, writes the tally through the service and offers its undo.
 */
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { Lang } from "../../src/core/i18n";
import {
  checkMeetingEntries,
  meetingInputOf,
  voteLines,
  type MeetingEntries,
} from "../../src/sheets/meeting-input";
import { PaneProvider } from "../../src/taskpane/context";
import MeetingScreen from "../../src/taskpane/components/MeetingScreen";
import type { MeetingSetup } from "../../src/taskpane/meeting-api";
import { Pane } from "../../src/taskpane/Pane";
import type { MeetingService, Reading, ThiduaService } from "../../src/taskpane/service";
import { FakeService, makeReading } from "./fake-service";

jest.setTimeout(60_000);

const SETUP: MeetingSetup = {
  members: ["Sở Nội vụ", "Sở Tư pháp", "Sở Tài chính"],
  candidates: [
    { name: "Sở Tư pháp", rank: 1, award: "Cờ thi đua của UBND tỉnh" },
    { name: "Sở Nội vụ", rank: 2, award: null },
  ],
  nextHead: "Sở Tư pháp",
  nextDeputy: "Sở Tài chính",
  year: 2025,
  cluster: "Cụm thi đua số 3",
  kind: "cum",
  threshold: 0.5,
  today: "2025-12-20",
};

class FakeMeeting implements MeetingService {
  written: MeetingEntries[] = [];
  undone: string[] = [];
  async setup(): Promise<MeetingSetup> {
    return SETUP;
  }
  check = checkMeetingEntries;
  results = (e: MeetingEntries, threshold: number | null) =>
    voteLines(
      e.votes.map((v) => v.name),
      meetingInputOf(e),
      threshold
    );
  async writeTally(_r: Reading, e: MeetingEntries): Promise<{ sheetName: string }> {
    this.written.push(e);
    return { sheetName: "Kiểm phiếu" };
  }
  async undoTally(sheet: string): Promise<boolean> {
    this.undone.push(sheet);
    return true;
  }
  async buildDoc(): Promise<{ kind: "docx"; fileName: string; blob: Blob }> {
    return { kind: "docx", fileName: "Bien-ban-hop-2025.docx", blob: new Blob(["x"]) };
  }
}

class WithMeeting extends FakeService {
  readonly m = new FakeMeeting();
  async meeting(): Promise<MeetingService> {
    return this.m;
  }
}

function screenIn(svc: ThiduaService, lang: Lang, reading: Reading): React.JSX.Element {
  return (
    <FluentProvider theme={webLightTheme}>
      <PaneProvider service={svc} lang={lang}>
        <MeetingScreen reading={reading} />
      </PaneProvider>
    </FluentProvider>
  );
}

async function shown(svc: WithMeeting, lang: Lang = "vi") {
  const reading = makeReading([]);
  const view = render(screenIn(svc, lang, reading));
  await screen.findByRole(
    "textbox",
    { name: lang === "vi" ? "Số phiếu phát ra" : "Ballots issued" },
    { timeout: 15_000 }
  );
  return { ...view, reading };
}

function type(name: string, value: string): void {
  fireEvent.change(screen.getByRole("textbox", { name }), { target: { value } });
}

const writeButton = (): HTMLElement =>
  screen.getByRole("button", { name: "Ghi bảng kiểm phiếu vào sổ tính" });

test("K7: returned above issued, valid above returned, votes above valid and '12a' are each named at their field, and nothing can be written until fixed", async () => {
  const svc = new WithMeeting();
  await shown(svc);
  type("Số phiếu phát ra", "20");
  type("Số phiếu thu về", "25");
  expect(
    screen.getByText("Số phiếu thu về (25) lớn hơn số phiếu phát ra (20): hãy kiểm tra lại.")
  ).toBeTruthy();
  expect(screen.getByText("Có 1 chỗ cần sửa trước khi ghi hoặc tải văn bản.")).toBeTruthy();
  expect(writeButton().hasAttribute("disabled")).toBe(true);
  expect(screen.getByRole("button", { name: "Biên bản họp (Word)" }).hasAttribute("disabled")).toBe(
    true
  );
  type("Số phiếu thu về", "19");
  type("Số phiếu hợp lệ", "20");
  expect(
    screen.getByText("Số phiếu hợp lệ (20) lớn hơn số phiếu thu về (19): hãy kiểm tra lại.")
  ).toBeTruthy();
  type("Số phiếu hợp lệ", "18");
  type("Sở Tư pháp (hạng 1, Cờ thi đua của UBND tỉnh)", "19");
  expect(
    screen.getByText("Sở Tư pháp: 19 phiếu, nhiều hơn số phiếu hợp lệ (18): hãy kiểm tra lại.")
  ).toBeTruthy();
  type("Sở Tư pháp (hạng 1, Cờ thi đua của UBND tỉnh)", "12a");
  expect(
    screen.getByText("“12a” không phải số nguyên không âm: hãy nhập số phiếu, ví dụ 12.")
  ).toBeTruthy();
  type("Sở Tư pháp (hạng 1, Cờ thi đua của UBND tỉnh)", "17");
  expect(screen.queryByText(/chỗ cần sửa/)).toBeNull();
  expect(writeButton().hasAttribute("disabled")).toBe(false);
});

test("K8: the rotation's suggestion is prefilled and editable; the same unit as head and deputy is refused", async () => {
  const svc = new WithMeeting();
  await shown(svc);
  const head = screen.getByRole("combobox", { name: "Cụm trưởng" }) as HTMLSelectElement;
  const deputy = screen.getByRole("combobox", { name: "Cụm phó" }) as HTMLSelectElement;
  expect([head.value, deputy.value]).toEqual(["Sở Tư pháp", "Sở Tài chính"]);
  fireEvent.change(deputy, { target: { value: "Sở Tư pháp" } });
  expect(
    screen.getByText("Sở Tư pháp không thể vừa là trưởng vừa là phó: hãy chọn đơn vị khác làm phó.")
  ).toBeTruthy();
  expect(writeButton().hasAttribute("disabled")).toBe(true);
});

test("the tally is written with the attendance and counts entered, then undone from the success message", async () => {
  const svc = new WithMeeting();
  await shown(svc);
  fireEvent.click(screen.getByRole("checkbox", { name: "Sở Tài chính" }));
  expect(screen.getByText("Thành viên dự họp (2/3)")).toBeTruthy();
  type("Số phiếu phát ra", "20");
  type("Số phiếu thu về", "19");
  type("Số phiếu hợp lệ", "18");
  type("Sở Tư pháp (hạng 1, Cờ thi đua của UBND tỉnh)", "17");
  await act(async () => {
    fireEvent.click(writeButton());
  });
  await screen.findByText(/Đã ghi bảng kiểm phiếu vào trang “Kiểm phiếu”/);
  const e = svc.m.written[0];
  expect(e.attendance).toEqual([
    { unit: "Sở Nội vụ", present: true },
    { unit: "Sở Tư pháp", present: true },
    { unit: "Sở Tài chính", present: false },
  ]);
  expect([e.issued, e.returned, e.valid, e.votes[0].votes]).toEqual(["20", "19", "18", "17"]);
  const status = screen.getByRole("status");
  await act(async () => {
    fireEvent.click(within(status).getByRole("button", { name: "Hoàn tác" }));
  });
  await screen.findByText("Đã xóa trang “Kiểm phiếu”: sổ tính trở lại như trước khi ghi.");
  expect(svc.m.undone).toEqual(["Kiểm phiếu"]);
});

test("what was typed stays across a language switch and after the screen is closed and opened again", async () => {
  const svc = new WithMeeting();
  const { rerender, unmount, reading } = await shown(svc);
  type("Số phiếu phát ra", "20");
  type("Địa điểm họp", "Hội trường Sở Nội vụ");
  rerender(screenIn(svc, "en", reading));
  const issued = (await screen.findByRole("textbox", {
    name: "Ballots issued",
  })) as HTMLInputElement;
  expect(issued.value).toBe("20");
  expect((screen.getByRole("textbox", { name: "Meeting place" }) as HTMLInputElement).value).toBe(
    "Hội trường Sở Nội vụ"
  );
  type("Ballots returned", "30");
  expect(
    screen.getByText("Ballots returned (30) exceed ballots issued (20): check the count.")
  ).toBeTruthy();
  unmount();
  render(screenIn(svc, "vi", reading));
  const again = (await screen.findByRole("textbox", {
    name: "Số phiếu thu về",
  })) as HTMLInputElement;
  expect(again.value).toBe("30");
});

test("the Giao ước step opens the screen from its Họp cụm section; the pane's language switch keeps the figures", async () => {
  const svc = new WithMeeting();
  render(
    <FluentProvider theme={webLightTheme}>
      <Pane service={svc} initialStep="outputs" />
    </FluentProvider>
  );
  await act(async () => undefined);
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "Nhập kết quả họp…" }));
  });
  expect(await screen.findByRole("heading", { name: "Họp cụm: nhập kết quả" })).toBeTruthy();
  // The screen's code loads on demand: its heading can show before its fields on a loaded machine.
  await screen.findByRole("textbox", { name: "Số phiếu phát ra" }, { timeout: 15_000 });
  expect(svc.callsOf("read")).toHaveLength(1);
  type("Số phiếu phát ra", "21");
  // The pane's own switch: the sheets are read again in English, the figures stay.
  await act(async () => {
    fireEvent.click(screen.getByRole("switch"));
  });
  expect(
    await screen.findByRole("heading", { name: "Cluster meeting: enter the results" })
  ).toBeTruthy();
  const issued = await screen.findByRole(
    "textbox",
    { name: "Ballots issued" },
    { timeout: 15_000 }
  );
  expect((issued as HTMLInputElement).value).toBe("21");
});

test("K8 for a Khối of 2021: the election names Khối trưởng and Khối phó of 2022", async () => {
  const svc = new WithMeeting();
  svc.m.setup = async () => ({ ...SETUP, kind: "khoi", year: 2021 });
  await shown(svc);
  expect(screen.getByText("Bầu Khối trưởng và Khối phó năm 2022")).toBeTruthy();
  expect(screen.getByRole("combobox", { name: "Khối trưởng" })).toBeTruthy();
  expect(screen.getByText("Văn bản ghi: Cụm thi đua số 3, năm 2021.")).toBeTruthy();
});

test("K7: each vote shows its share of the ballots returned and the result against the threshold as typed", async () => {
  const svc = new WithMeeting();
  await shown(svc);
  type("Số phiếu phát ra", "20");
  type("Số phiếu thu về", "19");
  type("Số phiếu hợp lệ", "18");
  type("Sở Tư pháp (hạng 1, Cờ thi đua của UBND tỉnh)", "17");
  expect(screen.getByText("89,47 % số phiếu thu về: đạt ngưỡng 50,00 %")).toBeTruthy();
  type("Sở Nội vụ (hạng 2, chờ bình xét)", "9");
  expect(screen.getByText("47,37 % số phiếu thu về: chưa đạt ngưỡng 50,00 %")).toBeTruthy();
});
