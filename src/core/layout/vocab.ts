/**
 * Header words of DOMAIN §4, matched on folded text (lower case, no diacritics, NFC/NFD-insensitive), so
 * "ĐIỂM CHUẨN", "Diem chuan" and a decomposed "Điểm chuẩn" are the same word.
 */

export type HeaderRole =
  | "stt"
  | "label"
  | "max"
  | "weight"
  | "self"
  | "review"
  | "bonus"
  | "deduction"
  | "total"
  | "rank"
  | "note"
  | "unit"
  | "classification"
  | "average"
  | "points"
  | "share";

/** Folded header text without bracketed parts ("Điểm chuẩn (đ)" → "diem chuan"). */
export function bareHeader(folded: string): string {
  return folded
    .replace(/\([^)]*\)/g, " ")
    .replace(/\[[^\]]*\]/g, " ")
    .replace(/[:;*]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

// English words are those of our own forms (`thidua template --lang en`, the ranking sheet) and of
// sheets kept in English for a foreign partner: a form we send out must read back.
const EXACT: [HeaderRole, RegExp][] = [
  ["stt", /^(stt|tt|so tt|so thu tu|thu tu|ma|ma so|ma tieu chi|no\.|#|code)$/],
  [
    "label",
    /^((ten |cac )?(noi dung|tieu chi)( tieu chi| thi dua| cham diem| danh gia| cham| tham dinh)?( cham diem| danh gia)?|noi dung va tieu chi|noi dung, tieu chi|chi tieu|linh vuc|(cac )?chi so thanh phan|noi dung cong viec|criteri(on|a)|content)$/,
  ],
  [
    "max",
    /^((so )?diem (chuan|toi da|td|quy dinh|thang|chuan toi da)|thang diem|diem|muc diem|khung diem|diem chuan quy dinh|toi da|chuan|max(imum)?( points| score)?)$/,
  ],
  ["weight", /^(he so|trong so|he so tieu chi|weight)$/],
  [
    "self",
    /^((diem )?(don vi )?tu (cham|danh gia)( diem)?|diem tu cham cua don vi|tu cham diem|don vi tu cham|(diem )?don vi cham|tc|self[- ]?score|self[- ]assessment)$/,
  ],
  [
    "review",
    /^((diem )?(cum|khoi|doan|hoi dong)( thi dua)? (cham|tham dinh|danh gia)( diem)?|(diem )?tham dinh|ket qua tham dinh|(diem )?(cum|khoi) truong cham|diem cum cham|diem khoi cham|cc|kc|review(ed)? score|cluster score)$/,
  ],
  [
    "bonus",
    /^(diem (thuong|cong|khuyen khich)|cong diem|thuong diem|diem cong them|diem thuong them|thuong)$/,
  ],
  ["deduction", /^(diem tru|tru diem|diem bi tru|tru)$/],
  [
    "total",
    /^(tong|tong cong|tong diem|tong so diem|cong|tong diem dat|tong diem dat duoc|diem tong|tong diem thi dua|total( score)?)$/,
  ],
  ["rank", /^(xep hang|xep thu|thu hang|hang|thu tu xep hang)$/],
  [
    "note",
    /^(ghi chu|giai trinh|ly do|nhan xet|ghi chu\/giai trinh|giai trinh\/ghi chu|giai trinh, ghi chu|explanation|notes?)$/,
  ],
  [
    "unit",
    /^((ten )?(don vi|co quan|dia phuong|don vi, dia phuong)( thi dua| duoc cham| duoc danh gia)?|ten co quan, don vi|co quan, don vi|unit( name)?)$/,
  ],
  ["classification", /^(xep loai|danh hieu|de nghi khen thuong|muc xep loai)$/],
  // Layout E (results table): the points a unit reached against its own max, and the share of it.
  [
    "points",
    /^((tong )?(so )?diem (dat|dat duoc|thuc te)|diem so|ket qua (dat duoc|diem)|points?)$/,
  ],
  [
    "share",
    /^(chi so( chung| cchc| %)?|ty le( %| dat| dat duoc| diem)?|ti le( %| dat| dat duoc| diem)?|%|share|index)$/,
  ],
  // A computed column beside the units ("Điểm bình quân", "Điểm TB"): not a unit to rank.
  ["average", /^((diem )?(binh quan|trung binh)( chung| cac don vi| cum| khoi)?|diem tb|tb)$/],
];

/** The role of a header cell, or null when its text is not a header word (a unit name, a criterion…). */
export function headerRole(folded: string): HeaderRole | null {
  const bare = bareHeader(folded);
  if (bare === "") return null;
  for (const [role, re] of EXACT) if (re.test(bare)) return role;
  return null;
}

/** A bonus or deduction header with something after it ("Điểm thưởng (tối đa 5đ)", "Điểm trừ"). */
export function kindOfLabel(folded: string): "bonus" | "deduction" | null {
  const s = bareHeader(folded.replace(/^[ivxlc]+[.)]?\s+|^[0-9]+[.)]?\s+|^[a-zđ][.)]\s+/, ""));
  if (
    /^((cac )?(noi dung |tieu chi |muc )?(diem tru|tru diem|bi tru diem)|deductions?|penalt(y|ies))\b|^tru$/.test(
      s
    )
  )
    return "deduction";
  if (
    /^((cac )?(noi dung |tieu chi |muc )?(diem thuong|diem cong|cong diem|thuong diem|diem khuyen khich)|bonus)\b|^thuong$/.test(
      s
    )
  )
    return "bonus";
  return null;
}

/** "TỔNG CỘNG", "Tổng điểm", "Cộng": the label of a total row. */
export function isTotalLabel(folded: string): boolean {
  const s = bareHeader(folded);
  return /^(tong|tong cong|tong diem|tong so diem|cong|tong diem dat|tong diem dat duoc|tong cong diem|tong so|total)$/.test(
    s
  );
}

/**
 * "Cộng mục I", "Tổng phần II", "Cộng I": a subtotal row that names the section it closes. Returns the
 * section's code as typed in the label ("i", "2"), or null when the label names no section.
 */
export function subtotalSection(folded: string): string | null {
  const s = bareHeader(folded).replace(/[.:]+$/, "");
  const m =
    /^(?:cong|tong|tong cong|tong diem)\s+(?:(?:muc|phan|nhom|chuong|linh vuc)\s+)?([ivxlc]+|[0-9]+|[a-z])$/.exec(
      s
    );
  return m ? m[1] : null;
}

/** Words of a signature block or footer: the table has ended. */
export function isFooterText(folded: string): boolean {
  const s = folded.trim();
  return /^(nguoi lap( bieu)?|tm\.|kt\.|t\/m|cum truong|khoi truong|cum pho|khoi pho|thu truong( don vi| co quan)?|xac nhan|ngay\b.*thang|giam doc|chu tich|truong ban|noi nhan|ghi chu\s*:|luu y\s*:|chu thich\s*:)/.test(
    s
  );
}
