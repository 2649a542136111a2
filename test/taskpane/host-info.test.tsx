/**
 * The bootstrap's "outside Excel" and "Excel too old" notices name where the user is, as
 * office-js-helpers' Utilities reads it (office.js's context, or the host info Office left in the
 * session), and say what to do there; a plain browser gets the notice alone.
 */
import { act, screen } from "@testing-library/react";
import { bootstrap, bootstrapStrings, type OfficeLike } from "../../src/taskpane/index";
import { HOST_STRINGS, whereSentence } from "../../src/taskpane/host-info";

jest.mock("../../src/taskpane/App", () => {
  const { createElement } = jest.requireActual<typeof import("react")>("react");
  return {
    __esModule: true,
    default: ({ host }: { host: string }) => createElement("h1", null, `App (${host})`),
  };
});

const EXCEL = "Excel" as unknown as Office.HostType;
const tooOld: OfficeLike = {
  onReady: () => Promise.resolve({ host: EXCEL, platform: null }),
  context: { requirements: { isSetSupported: () => false } },
};
const never: OfficeLike = { onReady: () => new Promise(() => undefined) };

/** office.js's global as the helpers read it: the host and platform Office reports. */
function officeGlobal(host: string, platform: string): void {
  (globalThis as { Office?: unknown }).Office = { context: { host, platform } };
}

async function start(office: OfficeLike, lang?: "vi" | "en"): Promise<string> {
  const container = document.createElement("div");
  document.body.appendChild(container);
  let root: { unmount(): void } | undefined;
  await act(async () => {
    ({ root } = await bootstrap({ container, office, timeoutMs: 10, lang }));
  });
  const text = container.textContent ?? "";
  act(() => root?.unmount());
  return text;
}

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
  sessionStorage.clear();
  document.body.innerHTML = "";
});

test("Excel too old, on a Mac: names Excel for Mac and where its update is", async () => {
  officeGlobal("Excel", "Mac");
  const text = await start(tooOld);
  expect(text).toContain(bootstrapStrings.vi.oldExcelTitle);
  expect(text).toContain("Bạn đang dùng Excel cho Mac.");
  expect(text).toContain("Trợ giúp → Kiểm tra cập nhật");
  expect(text).not.toContain("Tệp → Tài khoản");
});

test("Excel too old, on Windows, in English: names Excel for Windows and File → Account", async () => {
  officeGlobal("Excel", "PC");
  const text = await start(tooOld, "en");
  expect(text).toContain("You are using Excel for Windows.");
  expect(text).toContain("File → Account → Update Options → Update Now");
});

test("outside Excel but inside Excel on the web (office.js never ready): says the connection failed, not 'plain browser' alone", async () => {
  officeGlobal("Excel", "OfficeOnline");
  const text = await start(never);
  expect(text).toContain("Đang chạy ngoài Excel");
  expect(text).toContain("Trang đang mở trong Excel trên web nhưng chưa kết nối được với Excel");
  expect(screen.queryByRole("heading", { name: "App (browser)" })).toBeNull();
});

test("outside Excel, opened in Word: says THIDUA runs only in Excel and names Word", async () => {
  officeGlobal("Word", "PC");
  const text = await start(never);
  expect(text).toContain("THIDUA chỉ chạy trong Excel, còn trang này đang mở trong Word.");
});

test("outside Excel, office.js blocked, Office's session still says Excel: the helpers' fallback names Excel", async () => {
  sessionStorage.setItem("hostInfoValue", "Excel$Win32$16.01$vi-VN$$$$0");
  const text = await start({ onReady: () => Promise.reject(new Error("blocked")) });
  expect(text).toContain("nhưng chưa kết nối được với Excel");
  expect(text).toContain("appsforoffice.microsoft.com");
});

test("a plain browser gets the outside-Excel notice alone", async () => {
  const text = await start(never);
  expect(text).toContain(bootstrapStrings.vi.browserBody);
  expect(text).not.toContain("chưa kết nối được");
  expect(text).not.toContain("THIDUA chỉ chạy trong Excel");
});

test("an unknown platform adds nothing to the too-old notice", () => {
  expect(whereSentence("old-excel", { host: "EXCEL", platform: null }, "vi")).toBeNull();
  expect(whereSentence("browser", { host: "WEB", platform: null }, "en")).toBeNull();
});

test("the host notices have the same keys and placeholders in Vietnamese and English", () => {
  const ph = (s: string): string[] => (s.match(/\{\w+\}/g) ?? []).sort();
  expect(Object.keys(HOST_STRINGS.en).sort()).toEqual(Object.keys(HOST_STRINGS.vi).sort());
  for (const k of Object.keys(HOST_STRINGS.vi) as (keyof typeof HOST_STRINGS.vi)[])
    expect([k, ph(HOST_STRINGS.en[k])]).toEqual([k, ph(HOST_STRINGS.vi[k])]);
});
