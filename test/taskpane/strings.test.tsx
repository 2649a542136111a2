/** STYLE.md 8: the pane's vi and en tables have the same keys, none empty, the same placeholders. */
import { PANE_STRINGS } from "../../src/taskpane/strings";

const placeholders = (s: string): string[] => (s.match(/\{\w+\}/g) ?? []).slice().sort();

test("every pane string key exists in Vietnamese and English", () => {
  expect(Object.keys(PANE_STRINGS.en).sort()).toEqual(Object.keys(PANE_STRINGS.vi).sort());
});

test("no pane string is empty and both languages fill the same placeholders", () => {
  for (const key of Object.keys(PANE_STRINGS.vi) as (keyof typeof PANE_STRINGS.vi)[]) {
    expect([key, PANE_STRINGS.vi[key].trim() !== ""]).toEqual([key, true]);
    expect([key, PANE_STRINGS.en[key].trim() !== ""]).toEqual([key, true]);
    expect([key, placeholders(PANE_STRINGS.en[key])]).toEqual([
      key,
      placeholders(PANE_STRINGS.vi[key]),
    ]);
  }
});

test("Vietnamese strings are Unicode NFC (what Excel and screen readers expect)", () => {
  for (const s of Object.values(PANE_STRINGS.vi)) expect(s).toBe(s.normalize("NFC"));
});
