/**
 * The task-pane bootstrap: inside Excel it waits for Office and renders the App; anywhere else it must
 * still render, say it is outside Excel, and never leave an officer looking at an empty, spinning pane.
 */
import { act, screen } from "@testing-library/react";
import {
  bootstrap,
  bootstrapStrings,
  waitForOffice,
  type OfficeLike,
} from "../../src/taskpane/index";

// The bootstrap is under test, not the App: a stand-in shows which host it was given.
jest.mock("../../src/taskpane/App", () => {
  const { createElement } = jest.requireActual<typeof import("react")>("react");
  return {
    __esModule: true,
    default: ({ host }: { host: string }) => createElement("h1", null, `App (${host})`),
  };
});

// office.js is not loaded here, so its HostType enum is not either: the value Excel reports.
const EXCEL = "Excel" as unknown as Office.HostType;
const readyIn = (host: Office.HostType | null, ms = 0): OfficeLike => ({
  onReady: () => new Promise((resolve) => setTimeout(() => resolve({ host, platform: null }), ms)),
});
const never: OfficeLike = { onReady: () => new Promise(() => undefined) };

function container(): HTMLElement {
  const div = document.createElement("div");
  document.body.appendChild(div);
  return div;
}

afterEach(() => {
  document.body.innerHTML = "";
});

describe("waitForOffice", () => {
  it("says excel when Office.onReady reports a host", async () => {
    await expect(waitForOffice(readyIn(EXCEL))).resolves.toBe("excel");
  });

  it("says browser at once when office.js did not load (CDN blocked)", async () => {
    await expect(waitForOffice(undefined, 60_000)).resolves.toBe("browser");
  });

  it("says browser when office.js runs in a plain browser (onReady resolves with no host)", async () => {
    await expect(waitForOffice(readyIn(null))).resolves.toBe("browser");
  });

  it("gives up after the timeout when onReady never fires, instead of hanging", async () => {
    jest.useFakeTimers();
    try {
      const pending = waitForOffice(never, 2000);
      jest.advanceTimersByTime(2000);
      await expect(pending).resolves.toBe("browser");
    } finally {
      jest.useRealTimers();
    }
  });

  it("says browser when onReady rejects or throws", async () => {
    await expect(waitForOffice({ onReady: () => Promise.reject(new Error("x")) })).resolves.toBe(
      "browser"
    );
    await expect(
      waitForOffice({
        onReady: () => {
          throw new Error("x");
        },
      })
    ).resolves.toBe("browser");
  });
});

describe("bootstrap", () => {
  it("renders the App without the outside-Excel notice when running in Excel", async () => {
    let root: { unmount(): void } | undefined;
    await act(async () => {
      ({ root } = await bootstrap({
        container: container(),
        office: readyIn(EXCEL),
      }));
    });
    expect(screen.getByRole("heading", { name: "App (excel)" })).toBeTruthy();
    expect(screen.queryByText(bootstrapStrings.vi.browserTitle)).toBeNull();
    act(() => root?.unmount());
  });

  it("renders the App with a Vietnamese notice ‘Đang chạy ngoài Excel’ in a plain browser", async () => {
    let root: { unmount(): void } | undefined;
    let host = "";
    await act(async () => {
      ({ root, host } = await bootstrap({ container: container(), office: never, timeoutMs: 10 }));
    });
    expect(host).toBe("browser");
    expect(screen.getByText("Đang chạy ngoài Excel")).toBeTruthy();
    expect(screen.getByRole("heading", { name: "App (browser)" })).toBeTruthy();
    act(() => root?.unmount());
  });

  it("in an Excel without ExcelApi 1.13 says which Excel is needed, names the thidua command, and shows no App", async () => {
    const asked: string[] = [];
    const old: OfficeLike = {
      ...readyIn(EXCEL),
      context: {
        requirements: {
          isSetSupported: (name, min) => {
            asked.push(`${name} ${min}`);
            return false;
          },
        },
      },
    };
    let root: { unmount(): void } | undefined;
    let host = "";
    await act(async () => {
      ({ root, host } = await bootstrap({ container: container(), office: old }));
    });
    expect(asked).toEqual(["ExcelApi 1.13"]);
    expect(host).toBe("old-excel");
    expect(screen.getByText(bootstrapStrings.vi.oldExcelTitle)).toBeTruthy();
    expect(document.body.textContent).toContain("Excel 2021");
    expect(document.body.textContent).toContain("thidua rank");
    expect(screen.queryByRole("heading", { name: /App/ })).toBeNull();
    act(() => root?.unmount());
  });

  it("trusts an Excel that supports the set, or whose requirements cannot be asked", async () => {
    const supported: OfficeLike = {
      ...readyIn(EXCEL),
      context: { requirements: { isSetSupported: () => true } },
    };
    const throwing: OfficeLike = {
      ...readyIn(EXCEL),
      context: {
        requirements: {
          isSetSupported: () => {
            throw new Error("not ready");
          },
        },
      },
    };
    await expect(waitForOffice(supported)).resolves.toBe("excel");
    await expect(waitForOffice(throwing)).resolves.toBe("excel");
  });

  it("has the same notice keys in Vietnamese and English", () => {
    expect(Object.keys(bootstrapStrings.en).sort()).toEqual(
      Object.keys(bootstrapStrings.vi).sort()
    );
  });
});
