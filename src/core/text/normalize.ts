/**
 * N3: how names and labels are compared. Excel cells carry every kind of invisible variation: text pasted
 * from Word or a PDF arrives in NFD (a + combining grave) or with NBSP and line breaks; a name typed
 * twice must still compare equal.
 */

// Zero-width characters are invisible in a cell, so they separate nothing: removed, not made spaces.
const ZERO_WIDTH = /[\u200B-\u200D\u2060]/g;
// JS `\s` already covers NBSP, U+2000–U+200A, U+2028/2029, U+202F, U+205F, U+3000 and U+FEFF.
const SPACE_RUN = /\s+/g;

/** N3: NFC, trim, collapse every run of white space (incl. NBSP, tabs, line breaks) to one space. */
export function normalizeText(s: string): string {
  return s.normalize("NFC").replace(ZERO_WIDTH, "").replace(SPACE_RUN, " ").trim();
}

const COMBINING_MARK = /[\u0300-\u036f]/g;

/** For matching header words and labels: normalizeText + lower case + diacritics removed (đ→d), NFC/NFD-insensitive. */
export function foldKey(s: string): string {
  return (
    normalizeText(s)
      .normalize("NFD")
      .replace(COMBINING_MARK, "")
      // đ/Đ are letters of their own, not d + a mark, so NFD leaves them: fold them by hand.
      .replace(/[đĐ]/g, "d")
      .toLowerCase()
  );
}

// The tone of "oa", "oe", "uy" closing a syllable sits on the first vowel in the older spelling ("hòa",
// "thúy") and on the second in the newer one ("hoà", "thuý"); both are in use, often in the same
// province. Keys put it on the first vowel, the spelling of the state emblem ("CỘNG HÒA").
const TONE = "[\u0300\u0301\u0303\u0309\u0323]";
const LETTER_AFTER = "(?![\\p{L}\\p{M}])";
const NEW_STYLE_OA_OE = new RegExp(`([oO])([aAeE])(${TONE})${LETTER_AFTER}`, "gu");
// After q the u belongs to the initial ("quý" is qu + ý), so only a u not preceded by q moves.
const NEW_STYLE_UY = new RegExp(`(?<![qQ])([uU])([yY])(${TONE})${LETTER_AFTER}`, "gu");

/** Tone marks of closing "oa", "oe", "uy" moved to the first vowel: "Khánh Hoà" → "Khánh Hòa". */
export function canonicalTonePlacement(s: string): string {
  return s
    .normalize("NFD")
    .replace(NEW_STYLE_OA_OE, "$1$3$2")
    .replace(NEW_STYLE_UY, "$1$3$2")
    .normalize("NFC");
}

/**
 * For telling whether two unit names are the same unit (N3 duplicate-unit, matching names across
 * files): normalizeText, lower case, and one tone placement, so "Sở Văn hoá" and "SỞ VĂN HÓA" match.
 * Diacritics are kept: "Sở Y tế" and "Sở Ý tế" stay different.
 */
export function nameKey(s: string): string {
  let k = nameKeys.get(s);
  if (k === undefined) {
    k = canonicalTonePlacement(normalizeText(s).toLowerCase());
    if (nameKeys.size >= 50_000) nameKeys.clear();
    nameKeys.set(s, k);
  }
  return k;
}

/**
 * Keys by name: four normalisations a name cost ~1,5 KB of garbage, and every ranking of a 1,000-unit
 * sheet keys the same 1,000 names again. A pure function of the name; bounded, emptied when full.
 */
const nameKeys = new Map<string, string>();
