import { CliError, parseDate } from "../../src/cli/template";

describe("--date: a day that does not exist is refused, never rolled over (issue 19)", () => {
  it("2025-02-30 is refused instead of printing 02/03", () => {
    expect(() => parseDate("2025-02-30", "vi")).toThrow(CliError);
    expect(() => parseDate("2025-02-30", "vi")).toThrow(
      "ngày không hợp lệ (dạng YYYY-MM-DD): 2025-02-30"
    );
    expect(() => parseDate("2025-13-01", "en")).toThrow(/invalid date/);
  });

  it("real days, 29 February of a leap year included, are kept", () => {
    const d = parseDate("2024-02-29", "vi");
    expect([d.getFullYear(), d.getMonth() + 1, d.getDate()]).toEqual([2024, 2, 29]);
  });
});
