/**
 * The cluster profile checked against its schema before use: a hand-edited JSON file with
 * `"members": "Sở Nội vụ"` (a text where a list belongs) must be refused naming the field, never run
 * into the engine. Only shapes are checked here; what the engine can judge (bands with a gap, an
 * overlap) it reports itself as settings problems.
 */
import { defineStrings, type Lang } from "./i18n";
import type { ClusterProfile } from "./profile";

export const PROFILE_SCHEMA_STRINGS = defineStrings(
  "profile-schema",
  {
    notObject: "hồ sơ phải là một đối tượng JSON {…}",
    badField: 'trường "{field}" phải là {expected}',
    unknownField: 'trường "{field}" không có trong hồ sơ cụm (gõ nhầm tên?)',
    text: "một chuỗi chữ",
    texts: "một danh sách chuỗi chữ […]",
    textMap: "một đối tượng {tên đơn vị: chữ}",
    object: "một đối tượng {…}",
    integer: "một số nguyên từ {min} đến {max}",
    share: "một số từ 0 đến 1",
    shareOrNull: "một số từ 0 đến 1, hoặc null",
    capOrNull: "một số không âm, hoặc null",
    oneOf: "một trong các giá trị {values}",
  },
  {
    notObject: "the profile must be a JSON object {…}",
    badField: 'field "{field}" must be {expected}',
    unknownField: 'field "{field}" is not part of a cluster profile (a typo?)',
    text: "a text string",
    texts: "a list of text strings […]",
    textMap: "an object {unit name: text}",
    object: "an object {…}",
    integer: "a whole number from {min} to {max}",
    share: "a number from 0 to 1",
    shareOrNull: "a number from 0 to 1, or null",
    capOrNull: "a number not below 0, or null",
    oneOf: "one of {values}",
  }
);

type Check = (
  v: unknown
) => { key: keyof typeof PROFILE_SCHEMA_STRINGS.vi; params?: Record<string, string> } | null;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const finite = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

const text: Check = (v) => (typeof v === "string" ? null : { key: "text" });
const texts: Check = (v) =>
  Array.isArray(v) && v.every((x) => typeof x === "string") ? null : { key: "texts" };
const textMap: Check = (v) =>
  isObject(v) && Object.values(v).every((x) => typeof x === "string") ? null : { key: "textMap" };
const object: Check = (v) => (isObject(v) ? null : { key: "object" });
const integer =
  (min: number, max: number): Check =>
  (v) =>
    finite(v) && Number.isInteger(v) && v >= min && v <= max
      ? null
      : { key: "integer", params: { min: String(min), max: String(max) } };
const oneOf =
  (...values: string[]): Check =>
  (v) =>
    typeof v === "string" && values.includes(v)
      ? null
      : { key: "oneOf", params: { values: values.map((x) => `"${x}"`).join(", ") } };
const share: Check = (v) => (finite(v) && v >= 0 && v <= 1 ? null : { key: "share" });

/** Each field of ClusterProfile and the shape it must have; nested lists are walked below. */
const FIELDS: Record<keyof ClusterProfile, Check> = {
  schemaVersion: integer(1, 1000),
  clusterName: text,
  kind: oneOf("cum", "khoi"),
  year: integer(1900, 2200),
  period: oneOf("so-ket", "tong-ket"),
  place: text,
  issuingBody: text,
  members: texts,
  head: text,
  deputy: text,
  signatories: textMap,
  precision: integer(0, 6),
  bonusCap: (v) => (v === null || (finite(v) && v >= 0) ? null : { key: "capOrNull" }),
  itemBonus: (v) =>
    typeof v === "boolean" ? null : { key: "oneOf", params: { values: "true, false" } },
  bands: (v) => (Array.isArray(v) ? null : { key: "object" }),
  tieBreak: (v) =>
    Array.isArray(v)
      ? null
      : { key: "oneOf", params: { values: '["section-1", "more-bonus", "fewer-deductions"]' } },
  eligibility: (v) => (Array.isArray(v) ? null : { key: "object" }),
  awards: object,
  voteThreshold: (v) =>
    v === null || (finite(v) && v >= 0 && v <= 1) ? null : { key: "shareOrNull" },
  decimalSeparator: oneOf(",", "."),
  mappings: object,
  legalBases: texts,
  commitments: texts,
  titleRegistrations: texts,
  positions: textMap,
};

export interface ProfileProblem {
  /** The field's path as the user wrote it: "members", "bands[1].minShare". */
  field: string;
  message: Record<Lang, string>;
}

function problem(field: string, fail: NonNullable<ReturnType<Check>>): ProfileProblem {
  const say = (lang: Lang): string =>
    PROFILE_SCHEMA_STRINGS.t(lang, "badField", {
      field,
      expected: PROFILE_SCHEMA_STRINGS.t(lang, fail.key, fail.params),
    });
  return { field, message: { vi: say("vi"), en: say("en") } };
}

/** Items of the list fields, each by its index. */
function itemProblems(json: Record<string, unknown>): ProfileProblem[] {
  const out: ProfileProblem[] = [];
  const each = (name: string, check: (x: unknown, at: string) => void): void => {
    const list = json[name];
    if (Array.isArray(list)) list.forEach((x, i) => check(x, `${name}[${i}]`));
  };
  each("bands", (b, at) => {
    if (!isObject(b)) return void out.push(problem(at, { key: "object" }));
    const l = text(b.label);
    if (l) out.push(problem(`${at}.label`, l));
    const s = share(b.minShare);
    if (s) out.push(problem(`${at}.minShare`, s));
  });
  each("tieBreak", (k, at) => {
    const c = oneOf("section-1", "more-bonus", "fewer-deductions")(k);
    if (c) out.push(problem(at, c));
  });
  each("eligibility", (e, at) => {
    if (!isObject(e)) return void out.push(problem(at, { key: "object" }));
    const u = text(e.unit);
    if (u) out.push(problem(`${at}.unit`, u));
    const r = texts(e.reasons ?? []);
    if (r) out.push(problem(`${at}.reasons`, r));
  });
  const awards = json.awards;
  if (isObject(awards)) {
    for (const k of ["flagLabel", "meritLabel"])
      if (k in awards) {
        const c = text(awards[k]);
        if (c) out.push(problem(`awards.${k}`, c));
      }
    for (const k of ["flagSlots", "meritSlots"])
      if (k in awards) {
        const c = integer(0, 10_000)(awards[k]);
        if (c) out.push(problem(`awards.${k}`, c));
      }
  }
  return out;
}

/**
 * The problems of a profile read from JSON, in the order of its fields; empty when every field present
 * has its shape (a partial profile is fine: what it omits comes from the defaults). Keys starting with
 * "_" or "$" ("$schema", "_ghi_chu") are the author's notes and are let through.
 */
export function checkProfileJson(json: unknown): ProfileProblem[] {
  if (!isObject(json)) {
    const m = (lang: Lang): string => PROFILE_SCHEMA_STRINGS.t(lang, "notObject");
    return [{ field: "", message: { vi: m("vi"), en: m("en") } }];
  }
  const out: ProfileProblem[] = [];
  for (const [field, value] of Object.entries(json)) {
    if (field.startsWith("_") || field.startsWith("$")) continue;
    const check = (FIELDS as Record<string, Check | undefined>)[field];
    if (!check) {
      const m = (lang: Lang): string => PROFILE_SCHEMA_STRINGS.t(lang, "unknownField", { field });
      out.push({ field, message: { vi: m("vi"), en: m("en") } });
      continue;
    }
    const fail = check(value);
    if (fail) out.push(problem(field, fail));
  }
  return [...out, ...itemProblems(json)];
}
