/**
 * The pane's side of the print preview over the simulator's Office dialog: in Excel for Windows/Mac
 * (no storage partition) office-js-helpers' Dialog opens it and the pages wait in localStorage; in
 * Excel on the web (a partitionKey: the dialog window cannot see the pane's storage) Office's own
 * displayDialogAsync opens it and the pages go by messageChild once the dialog says "ready". Either
 * way closing it leaves nothing behind, and a dialog Office refuses is reported with its code.
 */
import "./text-encoder";
import { defaultProfile } from "../../src/core/profile";
import { readPayload, type PreviewPayload } from "../../src/preview/payload";
import {
  createSimulator,
  DIALOG_OFFICE_PROPERTY,
  type DialogPageOffice,
} from "../../src/simulator";
import { openPrintPreview, type DialogOffice } from "../../src/taskpane/preview";
import { ServiceError } from "../../src/taskpane/service";
import { makeReading } from "./fake-service";

const profile = { ...defaultProfile(), clusterName: "Cụm thi đua số 3", year: 2026 };
const DATE = new Date(2026, 11, 15);

const overlay = (): HTMLElement | null => document.querySelector("[data-testid=office-dialog]");
const frame = (): HTMLIFrameElement => overlay()?.querySelector("iframe") as HTMLIFrameElement;
const pageOffice = (): DialogPageOffice =>
  (frame() as unknown as Record<string, DialogPageOffice>)[DIALOG_OFFICE_PROPERTY];
const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 10));
const ours = (): string[] => Object.keys(localStorage).filter((k) => k.includes("thidua.preview."));

function open(office: DialogOffice): Promise<void> {
  return openPrintPreview({ office, reading: makeReading(), profile, lang: "vi", date: DATE })
    .closed;
}

afterEach(() => {
  document.body.innerHTML = "";
  localStorage.clear();
  delete (globalThis as { Office?: unknown }).Office;
});

test("print preview, Excel for Windows/Mac: the helpers' Dialog opens it, the pages wait in localStorage, Đóng clears them", async () => {
  const sim = createSimulator();
  const closed = open(sim.Office);
  await tick();
  const url = new URL(frame().src);
  expect(url.pathname).toBe("/preview.html");
  expect(url.searchParams.get("via")).toBeNull();
  const key = ours()[0];
  expect(key.endsWith(url.searchParams.get("key") as string)).toBe(true);
  const payload = readPayload(localStorage, key) as PreviewPayload;
  expect(payload.pages.map((p) => p.title)).toEqual(["Bảng xếp hạng", "Giao ước thi đua"]);
  // The helpers read office.js's global: lent for the dialog's lifetime only.
  expect((globalThis as { Office?: unknown }).Office).toBe(sim.Office);
  // What the preview's Đóng sends through the helpers' Dialog.close("closed").
  pageOffice().context.ui.messageParent(JSON.stringify({ parse: false, value: "closed" }));
  await expect(closed).resolves.toBeUndefined();
  expect(overlay()).toBeNull();
  expect(ours()).toEqual([]);
  expect((globalThis as { Office?: unknown }).Office).toBeUndefined();
});

test("print preview, Excel on the web: Office's own dialog, the pages by messageChild after 'ready', nothing in localStorage", async () => {
  const sim = createSimulator();
  const office = { ...sim.Office, context: { ...sim.Office.context, partitionKey: "p1" } };
  const closed = open(office);
  await tick();
  expect(new URL(frame().src).searchParams.get("via")).toBe("child");
  expect(ours()).toEqual([]);
  const got = new Promise<string>((resolve) =>
    pageOffice().context.ui.addHandlerAsync(
      "dialogParentMessageReceived",
      (a) => resolve(a.message),
      () => pageOffice().context.ui.messageParent("ready")
    )
  );
  const payload = JSON.parse(await got) as PreviewPayload;
  expect(payload.pages.map((p) => p.title)).toEqual(["Bảng xếp hạng", "Giao ước thi đua"]);
  expect(overlay()).not.toBeNull();
  pageOffice().context.ui.messageParent(JSON.stringify({ parse: false, value: "closed" }));
  await expect(closed).resolves.toBeUndefined();
  expect(overlay()).toBeNull();
  // Office on the web never lent the global: the helpers were not used.
  expect((globalThis as { Office?: unknown }).Office).toBeUndefined();
});

test("print preview: the dialog's X (12006) is a normal close on both routes", async () => {
  const sim = createSimulator();
  for (const office of [
    sim.Office,
    { ...sim.Office, context: { ...sim.Office.context, partitionKey: "p1" } },
  ]) {
    const closed = open(office);
    await tick();
    (overlay()?.querySelector("button") as HTMLButtonElement).click();
    await expect(closed).resolves.toBeUndefined();
    expect(ours()).toEqual([]);
  }
});

test("print preview: a second dialog Office refuses (12007) is reported as such, the first stays open", async () => {
  const sim = createSimulator();
  const first = open(sim.Office);
  await tick();
  const second = open(sim.Office);
  await expect(second).rejects.toBeInstanceOf(ServiceError);
  await expect(second).rejects.toMatchObject({ code: "not-supported" });
  await expect(second).rejects.toHaveProperty("detail", expect.stringContaining("12007"));
  expect(document.querySelectorAll("[data-testid=office-dialog]")).toHaveLength(1);
  (overlay()?.querySelector("button") as HTMLButtonElement).click();
  await expect(first).resolves.toBeUndefined();
});
