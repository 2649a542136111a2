import * as path from "path";
import { gridFromRows } from "../../src/core/grid";
import { consolidateReturns, type ReturnedFile } from "../../src/core/returns";
import { buildSummarySheet } from "../../src/sheets/summary";
import { readReturnedWorkbook } from "../../src/xlsx/email";
import { readWorkbookGrids } from "../../src/xlsx/read";
import { writeWorkbook } from "../../src/xlsx/write";
import { clusterProfile, fillForm, templateFor, type Entry } from "./helpers";
import { SAMPLES } from "../paths";

const A: Entry[] = [23, 18.75, 14, 18, 13.5, 1, 2, 0];
const B: Entry[] = [22, 18, 13, 17, 12, 0.5, 2, 1];

async function form(
  unit: string,
  self: Entry[],
  name = `${unit}.xlsx`,
  edit?: Parameters<typeof fillForm>[3],
  profile = clusterProfile()
): Promise<ReturnedFile> {
  return readReturnedWorkbook(
    await fillForm(await templateFor(unit, profile), self, undefined, edit),
    name
  );
}

const codes = (r: { problems: { code: string; unit: string | null }[] }) =>
  r.problems.map((p) => `${p.code}|${p.unit ?? ""}`);

describe("consolidateReturns: which file is which member (issue 8)", () => {
  it("reports a changed criterion label (warning) and a changed max (error) and still takes the scores by row", async () => {
    const edited = await form("Sở Ngoại vụ", B, "Sở Ngoại vụ.xlsx", (ws, rowOf) => {
      const r = rowOf("Chất lượng tham mưu, tổng hợp");
      ws.getCell(r, 2).value = "Chất lượng tham mưu";
      ws.getCell(rowOf("Cải cách hành chính, chuyển đổi số"), 3).value = 20;
    });
    const res = consolidateReturns([await form("Sở Tư pháp", A), edited], clusterProfile());
    const label = res.problems.find((p) => p.code === "criteria-label")!;
    expect(label).toMatchObject({
      severity: "warning",
      unit: "Sở Ngoại vụ",
      expected: "Chất lượng tham mưu, tổng hợp",
      found: "Chất lượng tham mưu",
    });
    const max = res.problems.find((p) => p.code === "criteria-max")!;
    expect(max).toMatchObject({
      severity: "error",
      unit: "Sở Ngoại vụ",
      expected: "15",
      found: "20",
    });
    expect(max.message).toContain("20");
    const nv = res.summary!.units.find((u) => u.name === "Sở Ngoại vụ")!;
    expect(nv.self.filter((v) => v !== null)).toEqual(B);
    // The summary keeps the cluster's table (the most common one), not the edited file's.
    expect(res.summary!.rows.find((r) => r.label.startsWith("Cải cách"))!.max).toBe(15);
  });

  it("matches rows by label when a file lost a criterion, and reports the missing one", async () => {
    const cut = await form("Sở Ngoại vụ", B, "cut.xlsx", (ws, rowOf) =>
      ws.spliceRows(rowOf("Sáng kiến, mô hình mới"), 1)
    );
    const res = consolidateReturns(
      [await form("Sở Tư pháp", A), await form("Ban Dân tộc", A), cut],
      clusterProfile()
    );
    expect(
      res.problems.filter((p) => p.code === "criteria-missing").map((p) => [p.unit, p.criterion])
    ).toEqual([["Sở Ngoại vụ", "Sáng kiến, mô hình mới"]]);
    const nv = res.summary!.units.find((u) => u.name === "Sở Ngoại vụ")!;
    const rows = res.summary!.rows;
    expect(nv.self[rows.findIndex((r) => r.label === "Sáng kiến, mô hình mới")]).toBeNull();
    expect(nv.self[rows.findIndex((r) => r.label === "Được tặng Bằng khen cấp tỉnh")]).toBe(2);
  });

  it("lists differing scores of a unit that sent two forms, keeping the first unless the head chooses", async () => {
    const first = await form("Sở Tư pháp", A, "lần 1.xlsx");
    const second = await form("Sở Tư pháp", [24, ...A.slice(1)], "lần 2.xlsx");
    const res = consolidateReturns([first, second], clusterProfile());
    expect(codes(res)).toContain("duplicate-return|Sở Tư pháp");
    expect(res.conflicts).toHaveLength(1);
    const c = res.conflicts[0];
    expect(c).toMatchObject({ unit: "Sở Tư pháp", column: "self", chosen: "keep-existing" });
    expect([c.existing.value, c.existing.file, c.incoming.value, c.incoming.file]).toEqual([
      23,
      "lần 1.xlsx",
      24,
      "lần 2.xlsx",
    ]);
    expect(res.summary!.units[0].self[1]).toBe(23);
    const taken = consolidateReturns([first, second], clusterProfile(), null, {
      choices: { [c.id]: "take-incoming" },
    });
    expect(taken.summary!.units[0].self[1]).toBe(24);
  });

  it("refuses a form of another cluster and flags a unit that is not a member, still consolidating it", async () => {
    const other = await form(
      "Sở Tư pháp",
      A,
      "khác cụm.xlsx",
      undefined,
      clusterProfile({ clusterName: "Cụm thi đua các huyện miền núi" })
    );
    const stranger = await form("Sở Du lịch", B);
    const res = consolidateReturns([other, stranger], clusterProfile());
    expect(res.problems.find((p) => p.code === "other-cluster")).toMatchObject({
      file: "khác cụm.xlsx",
      severity: "error",
    });
    expect(codes(res)).toContain("unknown-unit|Sở Du lịch");
    expect(res.summary!.units.map((u) => u.name)).toEqual(["Sở Du lịch"]);
    expect(res.units.find((u) => u.name === "Sở Tư pháp")?.status).toBe("rejected");
  });

  it("reports a file with no self-score form and a file that could not be opened, and goes on", async () => {
    const notForm: ReturnedFile = {
      file: "công văn.xlsx",
      grids: [gridFromRows("Sheet1", [["Kính gửi Cụm trưởng"]])],
    };
    const broken = await readReturnedWorkbook(
      new TextEncoder().encode("not a workbook"),
      "hỏng.xlsx"
    );
    // A cluster summary (layout A, sample s1) sent back instead of a form.
    const table: ReturnedFile = {
      file: "bảng tổng hợp.xlsx",
      grids: await readWorkbookGrids(
        path.join(SAMPLES, "s1-layout-a", "input.xlsx"),
        "bảng tổng hợp.xlsx"
      ),
    };
    const res = consolidateReturns(
      [notForm, broken, table, await form("Sở Tư pháp", A)],
      clusterProfile()
    );
    expect(
      res.problems
        .filter((p) => p.file !== null && p.code !== "unit-missing")
        .map((p) => [p.code, p.file])
    ).toEqual([
      ["no-self-score-sheet", "công văn.xlsx"],
      ["unreadable", "hỏng.xlsx"],
      ["no-self-score-sheet", "bảng tổng hợp.xlsx"],
    ]);
    expect(res.problems.find((p) => p.file === "bảng tổng hợp.xlsx")!.message).toContain(
      "không phải phiếu tự chấm của một đơn vị"
    );
    expect(res.summary!.units.map((u) => u.name)).toEqual(["Sở Tư pháp"]);
  });

  it('names the unit from the file when the form lost its "Đơn vị:" line (info)', async () => {
    const noName = await form("Sở Tư pháp", A, "Sở Tư pháp.xlsx", (ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === "string" && cell.value.startsWith("Đơn vị:")) cell.value = null;
        })
      )
    );
    const res = consolidateReturns([noName], clusterProfile());
    expect(res.problems.find((p) => p.code === "unit-name-from-file")).toMatchObject({
      severity: "info",
      unit: "Sở Tư pháp",
    });
    expect(res.units[0].status).toBe("received");
  });

  it("does not judge the year when no cluster settings were saved (the default year is only today's)", async () => {
    const last = await form(
      "Sở Tư pháp",
      A,
      "2024.xlsx",
      undefined,
      clusterProfile({ year: 2024 })
    );
    const res = consolidateReturns([last], clusterProfile(), null, { checkYear: false });
    expect(codes(res)).not.toContain("other-year|Sở Tư pháp");
    expect(res.summary!.units.map((u) => u.name)).toEqual(["Sở Tư pháp"]);
  });

  it("never writes over a summary it cannot read: no summary, and the reason", async () => {
    const res = consolidateReturns(
      [await form("Sở Tư pháp", A)],
      clusterProfile(),
      gridFromRows("Tổng hợp tự chấm", [["đã bị xóa hết"]])
    );
    expect(res.summary).toBeNull();
    expect(res.blocked).toBeTruthy();
  });

  it("keeps the head's review when the returned file has none (no conflict) and speaks English when asked", async () => {
    const first = consolidateReturns([await form("Sở Tư pháp", A)], clusterProfile());
    first.summary!.units[0].review[1] = 21;
    const bytes = await writeWorkbook([
      buildSummarySheet(first.summary!, clusterProfile(), { lang: "en" }),
    ]);
    const [existing] = await readWorkbookGrids(bytes, "head.xlsx");
    const res = consolidateReturns(
      [await form("Sở Tư pháp", A), await form("Ban Dân tộc", B)],
      clusterProfile(),
      existing,
      { lang: "en" }
    );
    expect(res.conflicts).toEqual([]);
    expect(res.summary!.units[0].review[1]).toBe(21);
    expect(res.problems.find((p) => p.code === "unit-missing")!.message).toMatch(
      /^No self-score form received from/
    );
  });
});
