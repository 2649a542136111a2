/**
 * The simulator's Office dialog API, as the playground's print preview uses it: a frame over the page
 * with a close button, Office's error codes and events, and the page inside talking back through the
 * `Office` it finds on its frame element. @microsoft/office-js-helpers' Dialog runs over it unchanged.
 */
import "../taskpane/text-encoder";
import { Dialog } from "@microsoft/office-js-helpers";
import {
  createSimulator,
  DIALOG_ERRORS,
  DIALOG_OFFICE_PROPERTY,
  type DialogPageOffice,
  type SimDialog,
} from "../../src/simulator";

type Result = { status: string; value: SimDialog | undefined; error?: { code: number } };

function open(
  url: string,
  options: { width?: number; height?: number } = { width: 80, height: 90 },
  displayLanguage = "vi-VN"
): Promise<Result> {
  const sim = createSimulator({ displayLanguage });
  return new Promise((resolve) => sim.Office.context.ui.displayDialogAsync(url, options, resolve));
}

const overlay = (): HTMLElement | null => document.querySelector("[data-testid=office-dialog]");
const frame = (): HTMLIFrameElement => overlay()?.querySelector("iframe") as HTMLIFrameElement;
const pageOffice = (): DialogPageOffice =>
  (frame() as unknown as Record<string, DialogPageOffice>)[DIALOG_OFFICE_PROPERTY];

afterEach(() => {
  document.body.innerHTML = "";
  delete (globalThis as { Office?: unknown }).Office;
});

// jsdom's page is http://localhost/: Office wants the dialog's https address on the same host.
const URL_OK = "https://localhost/preview.html?key=abc";

test("preview dialog: opens the page in a frame over the host page, at the asked size, with a close button", async () => {
  const r = await open(URL_OK);
  expect(r.status).toBe("succeeded");
  expect(overlay()?.getAttribute("role")).toBe("dialog");
  // The playground serves http: the same path opens on the page's own origin.
  expect(frame().src).toBe("http://localhost/preview.html?key=abc");
  const box = frame().parentElement as HTMLElement;
  expect([box.style.width, box.style.height]).toEqual(["80vw", "90vh"]);
  expect(overlay()?.querySelector("button")?.getAttribute("aria-label")).toBe("Đóng");
});

test("preview dialog: the page's messageParent reaches the pane's DialogMessageReceived; close() removes the frame", async () => {
  const r = await open(URL_OK);
  const dialog = r.value as SimDialog;
  const got = new Promise<string>((resolve) =>
    dialog.addEventHandler("dialogMessageReceived", (a) => "message" in a && resolve(a.message))
  );
  expect(pageOffice().context.host).toBe("Excel");
  pageOffice().context.ui.messageParent("đã xem");
  await expect(got).resolves.toBe("đã xem");
  dialog.close();
  expect(overlay()).toBeNull();
});

test("preview dialog: messageChild reaches the page's DialogParentMessageReceived handler", async () => {
  const dialog = (await open(URL_OK)).value as SimDialog;
  const got = new Promise<string>((resolve) =>
    pageOffice().context.ui.addHandlerAsync("dialogParentMessageReceived", (a) =>
      resolve(a.message)
    )
  );
  dialog.messageChild("trang 2");
  await expect(got).resolves.toBe("trang 2");
});

test("preview dialog: the X closes it and tells the pane 12006 (closed by the user), in English too", async () => {
  const dialog = (await open(URL_OK, {}, "en-US")).value as SimDialog;
  const events: number[] = [];
  dialog.addEventHandler("dialogEventReceived", (a) => "error" in a && events.push(a.error));
  const x = overlay()?.querySelector("button") as HTMLButtonElement;
  expect(x.getAttribute("aria-label")).toBe("Close");
  x.click();
  expect(events).toEqual([DIALOG_ERRORS.closedByUser]);
  expect(overlay()).toBeNull();
});

test("preview dialog: refuses as Office does: http (12005), another domain (12004), a second dialog (12007)", async () => {
  const codes = async (url: string): Promise<[string, number | undefined]> => {
    const r = await open(url);
    return [r.status, r.error?.code];
  };
  expect(await codes("http://localhost/preview.html")).toEqual(["failed", 12005]);
  expect(await codes("https://example.com/preview.html")).toEqual(["failed", 12004]);
  expect(overlay()).toBeNull();
  const sim = createSimulator();
  const first = await new Promise<Result>((resolve) =>
    sim.Office.context.ui.displayDialogAsync(URL_OK, {}, resolve)
  );
  expect(first.status).toBe("succeeded");
  const second = await new Promise<Result>((resolve) =>
    sim.Office.context.ui.displayDialogAsync(URL_OK, {}, resolve)
  );
  expect([second.status, second.error?.code]).toEqual(["failed", 12007]);
  expect(document.querySelectorAll("[data-testid=office-dialog]")).toHaveLength(1);
});

test("preview dialog: office-js-helpers' Dialog opens over the simulator and resolves with the page's message", async () => {
  const sim = createSimulator();
  (globalThis as { Office?: unknown }).Office = sim.Office;
  const dialog = new Dialog<string>(URL_OK, 1000, 700);
  const result = dialog.result;
  await new Promise((r) => setTimeout(r, 10));
  expect(overlay()).not.toBeNull();
  // What the helpers' Dialog.close("closed") sends from inside the page.
  pageOffice().context.ui.messageParent(JSON.stringify({ parse: false, value: "closed" }));
  await expect(result).resolves.toBe("closed");
  expect(overlay()).toBeNull();
});

test("preview dialog: office-js-helpers' Dialog rejects with code 12006 when the user closes it", async () => {
  const sim = createSimulator();
  (globalThis as { Office?: unknown }).Office = sim.Office;
  const result = new Dialog<unknown>(URL_OK).result;
  await new Promise((r) => setTimeout(r, 10));
  (overlay()?.querySelector("button") as HTMLButtonElement).click();
  await expect(result).rejects.toMatchObject({ name: "DialogError", innerError: 12006 });
});
