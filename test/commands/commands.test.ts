/**
 * Ribbon commands: the "Xếp hạng nhanh" button runs `oneClickRanking` in the shared runtime. Excel
 * keeps a command's button busy until it hears completed(), so every path must complete.
 */
import {
  ONE_CLICK_RANKING,
  registerCommands,
  type OfficeCommandsLike,
} from "../../src/commands/commands";

function fakeOffice(): OfficeCommandsLike & {
  registered: Map<string, (event: { completed(): void }) => void>;
  shown: number;
} {
  const registered = new Map<string, (event: { completed(): void }) => void>();
  const office = {
    registered,
    shown: 0,
    onReady: () => Promise.resolve({}),
    actions: {
      associate: (name: string, fn: (event: { completed(): void }) => void) =>
        registered.set(name, fn),
    },
    addin: {
      showAsTaskpane: async () => {
        office.shown++;
      },
    },
  };
  return office;
}

async function press(office: ReturnType<typeof fakeOffice>): Promise<number> {
  let completed = 0;
  const action = office.registered.get(ONE_CLICK_RANKING);
  expect(action).toBeDefined();
  await new Promise<void>((resolve) =>
    action?.({
      completed: () => {
        completed++;
        resolve();
      },
    })
  );
  return completed;
}

describe("ribbon commands", () => {
  it("registers oneClickRanking, the FunctionName the manifest's Xếp hạng nhanh button calls", async () => {
    const office = fakeOffice();
    await registerCommands(office);
    expect([...office.registered.keys()]).toEqual(["oneClickRanking"]);
  });

  it("opens the task pane until the one-click ranking is wired in, and completes the event", async () => {
    const office = fakeOffice();
    await registerCommands(office);
    expect(await press(office)).toBe(1);
    expect(office.shown).toBe(1);
  });

  it("runs the ranking action it is given and completes even when that action fails", async () => {
    const office = fakeOffice();
    const errors = jest.spyOn(console, "error").mockImplementation(() => undefined);
    let ran = 0;
    await registerCommands(office, {
      oneClickRanking: async () => {
        ran++;
        throw new Error("không tìm thấy bảng điểm");
      },
    });
    expect(await press(office)).toBe(1);
    expect(ran).toBe(1);
    expect(office.shown).toBe(0);
    expect(errors).toHaveBeenCalled();
    errors.mockRestore();
  });
});

describe("loaded by taskpane.html inside Excel", () => {
  it("wires Xếp hạng nhanh to the one-click ranking, not to the open-the-pane fallback", async () => {
    const ranking = jest.fn(async () => undefined);
    const office = fakeOffice();
    const g = globalThis as unknown as { Office?: unknown };
    g.Office = office;
    try {
      jest.isolateModules(() => {
        jest.doMock("../../src/commands/oneclick", () => ({ oneClickRanking: ranking }));
        require("../../src/commands/commands");
      });
      await new Promise((r) => setTimeout(r, 0)); // registerCommands awaits onReady
      expect(await press(office)).toBe(1);
      expect(ranking).toHaveBeenCalledTimes(1);
      expect(office.shown).toBe(0);
    } finally {
      delete g.Office;
    }
  });
});
