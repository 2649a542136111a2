/**
 * N4: Vietnamese text in the pre-Unicode encodings that provincial workbooks still carry.
 *
 * README-notes
 * ------------
 * Why this exists. Until the 2000s Vietnamese offices typed with ABC/Vietkey in TCVN3 (fonts ".VnTime",
 * ".VnArial", ".VnTimeH"…) or with VNI (fonts "VNI-Times", "VNI-Helve"…). Excel stores such text as the
 * Windows-1252 characters of the font's bytes, so "Sở Nội vụ" arrives as "Së Néi vô" (TCVN3) or
 * "Sôû Noäi vuï" (VNI). No installed library converts these (Node's TextDecoder has no TCVN3/VNI, and
 * core may not use Node APIs anyway), so the two tables are written here.
 *
 * Where the tables come from.
 * - TCVN3 = TCVN 5712:1993 "VN3": 67 lower-case letters (ă â ê ô ơ ư đ and the 60 toned vowels) in
 *   0xA8–0xAE and 0xB5–0xFE, plus the seven toneless capitals Ă Â Ê Ô Ơ Ư Đ in 0xA1–0xA7. Checked
 *   against the s5 sample (every unit name and label decodes to the expected Unicode) and against public
 *   converter tables (Unikey/VBKey code tables, the vietnamese-conversion npm package): read, not copied.
 * - VNI-Windows: a base ASCII letter followed by one accent character (ơ "ô", ư "ö", đ "ñ" and the five
 *   toned i plus ỵ are single characters). Checked against the same public tables.
 *
 * Variants met in real files, and what is done with them.
 * - VN3 has no toned capitals. ".VnTimeH", ".VnArialH"… (names ending in H) draw EVERY position as a
 *   capital: text in them is stored in lower-case bytes and must be upper-cased after decoding
 *   (`toUnicode` does it from the font name).
 * - Converters (Unikey, vietnamese-conversion) write a toned capital as its capital base letter followed
 *   by the toned lower-case letter: "KHỐI" → "KH¤èI", "HÓA" → "HOãA". Decoding collapses such pairs
 *   back into the toned capital, because Vietnamese never writes two vowels of the same base in a row
 *   with the first capital (the "oo" of "xoong" is lower case), so the pair can only be this artefact.
 * - Caps typed by hand in .VnTime ("CéNG HOµ") mix ASCII capitals with lower-case toned letters; a string
 *   whose ASCII letters are all capitals (at least one word with two of them) is upper-cased whole.
 * - TCVN 5712 "VN1" puts toned capitals in 0x01–0x17 and 0x80–0x9F. Excel shows those bytes as control
 *   characters and Windows-1252 punctuation (“ ” – …), which ordinary text uses, so VN1 is not decoded:
 *   a false positive would damage correct text.
 * - VNI for DOS/Mac and VIQR ("Vie^.t Nam") are not handled: not seen in Excel files of this domain.
 *
 * Detection is per string: text with any Vietnamese letter outside Latin-1 is Unicode whatever its font
 * ("TỔNG CỘNG" in a .VnTime cell). Otherwise each candidate decoding is scored by how many of its words
 * are valid Vietnamese syllables, against the text read as it is; the font, when known, picks the
 * candidate and wins ties.
 */

export type LegacyEncoding = "tcvn3" | "vni";

// ---------------------------------------------------------------------------------------------------
// Vietnamese letters, built once from their parts.

/** The twelve vowels, in dictionary order. */
const VOWELS = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"] as const;
type Vowel = (typeof VOWELS)[number];

/** The five tones as combining marks, in the order the tables below list them. */
const TONE_MARKS = ["\u0300", "\u0309", "\u0303", "\u0301", "\u0323"] as const; // huyền hỏi ngã sắc nặng
const ACUTE = 3;
const DOT = 4;

function hasNonAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return true;
  return false;
}

function toned(base: string, tone: number): string {
  return (base + TONE_MARKS[tone]).normalize("NFC");
}

// ---------------------------------------------------------------------------------------------------
// TCVN3 (VN3)

/** Bytes of the toned lower-case vowels: [huyền, hỏi, ngã, sắc, nặng]. */
const TCVN3_TONED: Record<Vowel, readonly number[]> = {
  a: [0xb5, 0xb6, 0xb7, 0xb8, 0xb9],
  ă: [0xbb, 0xbc, 0xbd, 0xbe, 0xc6],
  â: [0xc7, 0xc8, 0xc9, 0xca, 0xcb],
  e: [0xcc, 0xce, 0xcf, 0xd0, 0xd1],
  ê: [0xd2, 0xd3, 0xd4, 0xd5, 0xd6],
  i: [0xd7, 0xd8, 0xdc, 0xdd, 0xde],
  o: [0xdf, 0xe1, 0xe2, 0xe3, 0xe4],
  ô: [0xe5, 0xe6, 0xe7, 0xe8, 0xe9],
  ơ: [0xea, 0xeb, 0xec, 0xed, 0xee],
  u: [0xef, 0xf1, 0xf2, 0xf3, 0xf4],
  ư: [0xf5, 0xf6, 0xf7, 0xf8, 0xf9],
  y: [0xfa, 0xfb, 0xfc, 0xfd, 0xfe],
};

/** The toneless non-ASCII letters. 0xAD (ư) is the soft hyphen in Windows-1252: invisible in Excel cells. */
const TCVN3_PLAIN: ReadonlyArray<readonly [number, string]> = [
  [0xa1, "Ă"],
  [0xa2, "Â"],
  [0xa3, "Ê"],
  [0xa4, "Ô"],
  [0xa5, "Ơ"],
  [0xa6, "Ư"],
  [0xa7, "Đ"],
  [0xa8, "ă"],
  [0xa9, "â"],
  [0xaa, "ê"],
  [0xab, "ô"],
  [0xac, "ơ"],
  [0xad, "ư"],
  [0xae, "đ"],
];

const TCVN3_DECODE = new Map<string, string>();
const TCVN3_ENCODE = new Map<string, string>();
for (const [byte, letter] of TCVN3_PLAIN) {
  TCVN3_DECODE.set(String.fromCharCode(byte), letter);
  TCVN3_ENCODE.set(letter, String.fromCharCode(byte));
}
for (const v of VOWELS) {
  TCVN3_TONED[v].forEach((byte, tone) => {
    const lower = toned(v, tone);
    TCVN3_DECODE.set(String.fromCharCode(byte), lower);
    TCVN3_ENCODE.set(lower, String.fromCharCode(byte));
  });
}
// Toned capitals: the converter form (capital base + toned lower case), which decoding collapses back.
for (const v of VOWELS) {
  const capital = v.toUpperCase();
  const base = TCVN3_ENCODE.get(capital) ?? capital;
  for (let tone = 0; tone < TONE_MARKS.length; tone++) {
    TCVN3_ENCODE.set(toned(capital, tone), base + (TCVN3_ENCODE.get(toned(v, tone)) as string));
  }
}

/** toned lower-case letter → [its toneless base, tone index]: for collapsing converter pairs. */
const TONED_LOWER = new Map<string, readonly [string, number]>();
for (const v of VOWELS) {
  for (let tone = 0; tone < TONE_MARKS.length; tone++) TONED_LOWER.set(toned(v, tone), [v, tone]);
}
const CAPITAL_VOWEL = new Set<string>(VOWELS.map((v) => v.toUpperCase()));

function collapseCapitalPairs(s: string): string {
  const chars = Array.from(s);
  const out: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    const next = chars[i + 1];
    const t = next === undefined ? undefined : TONED_LOWER.get(next);
    if (t !== undefined && CAPITAL_VOWEL.has(c) && c.toLowerCase() === t[0]) {
      out.push(toned(c, t[1]));
      i++;
    } else {
      out.push(c);
    }
  }
  return out.join("");
}

/**
 * Was this typed in capitals? Hand-typed caps in .VnTime ("CéNG HOµ X· HéI") mix ASCII capitals with
 * lower-case toned bytes. No ASCII lower case at all, and more words with two or more ASCII capitals
 * ("CéNG") than words that look title-cased ("X·", "Hµ"): "UBND Hµ" stays "UBND Hà".
 */
function typedInCapitals(s: string): boolean {
  if (/[a-z]/.test(s)) return false;
  let multi = 0;
  let single = 0;
  for (const w of s.split(/\s+/)) {
    const caps = w.replace(/[^A-Z]/g, "").length;
    if (caps >= 2) multi++;
    else if (caps === 1 && hasNonAscii(w)) single++;
  }
  return multi > single;
}

function decodeTcvn3(text: string): string {
  let out = "";
  for (const ch of text) out += TCVN3_DECODE.get(ch) ?? ch;
  out = collapseCapitalPairs(out);
  return typedInCapitals(text) ? out.toUpperCase() : out;
}

// ---------------------------------------------------------------------------------------------------
// VNI-Windows

/** Accent characters after a plain vowel (a e o u y, and ơ ư): [huyền, hỏi, ngã, sắc, nặng]. */
const VNI_TONE = ["ø", "û", "õ", "ù", "ï"] as const;
/** After a + breve (ă). */
const VNI_BREVE_TONE = ["è", "ú", "ü", "é", "ë"] as const;
/** After a/e/o + circumflex (â ê ô). */
const VNI_CIRC_TONE = ["à", "å", "ã", "á", "ä"] as const;
/** The toned i (and ỵ) are single characters. */
const VNI_I = ["ì", "æ", "ó", "í", "ò"] as const;

/** Every lower-case Vietnamese letter → its VNI spelling (lower case; capitals are upper-cased). */
const VNI_LOWER = new Map<string, string>();
{
  const plainBases: Record<string, string> = {
    a: "a",
    e: "e",
    o: "o",
    u: "u",
    y: "y",
    ơ: "ô",
    ư: "ö",
  };
  for (const [v, b] of Object.entries(plainBases)) {
    if (v !== b) VNI_LOWER.set(v, b);
    VNI_TONE.forEach((mark, tone) => VNI_LOWER.set(toned(v, tone), b + mark));
  }
  VNI_LOWER.set(toned("y", DOT), "î");
  VNI_LOWER.set("ă", "aê");
  VNI_BREVE_TONE.forEach((mark, tone) => VNI_LOWER.set(toned("ă", tone), "a" + mark));
  for (const v of ["â", "ê", "ô"]) {
    const b = v.normalize("NFD")[0];
    VNI_LOWER.set(v, b + "â");
    VNI_CIRC_TONE.forEach((mark, tone) => VNI_LOWER.set(toned(v, tone), b + mark));
  }
  VNI_I.forEach((ch, tone) => VNI_LOWER.set(toned("i", tone), ch));
  VNI_LOWER.set("đ", "ñ");
}

const VNI_ENCODE = new Map<string, string>();
const VNI_DECODE = new Map<string, string>();
for (const [uni, vni] of VNI_LOWER) {
  VNI_ENCODE.set(uni, vni);
  VNI_ENCODE.set(uni.toUpperCase(), vni.toUpperCase());
  VNI_DECODE.set(vni, uni);
  VNI_DECODE.set(vni.toUpperCase(), uni.toUpperCase());
}

function decodeVni(text: string): string {
  const chars = Array.from(text);
  let out = "";
  for (let i = 0; i < chars.length; i++) {
    // VNI spellings are one or two characters: the longer match is the letter ("oä" is ộ, not o + ä).
    const two = i + 1 < chars.length ? VNI_DECODE.get(chars[i] + chars[i + 1]) : undefined;
    if (two !== undefined) {
      out += two;
      i++;
    } else {
      out += VNI_DECODE.get(chars[i]) ?? chars[i];
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Telling Vietnamese from garbage: a syllable checker.

// Initials with the spelling rules of quốc ngữ: k, gh, ngh only before i/e/ê/y; c, ng never before them;
// g never before e/ê ("gi" is an initial of its own). Garbage from a wrong decoding often breaks these
// ("nghóa" is VNI for "nghĩa", and no Vietnamese word is spelled "nghoa").
const INITIAL =
  "(?:(?:ngh|gh|k)(?=[ieêy])|(?:c|ng)(?![ieêy])|g(?![eê])|ch|gi|kh|nh|ph|qu|th|tr|b|d|đ|h|l|m|n|p|r|s|t|v|x)";
const RHYMES = [
  "a ac ach ai am an ang anh ao ap at au ay",
  "ăc ăm ăn ăng ăp ăt",
  "âc âm ân âng âp ât âu ây",
  "e ec em en eng eo ep et",
  "ê êch êm ên ênh êp êt êu",
  "i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu",
  "o oc oi om on ong op ot oong ooc",
  "ô ôc ôi ôm ôn ông ôp ôt",
  "ơ ơi ơm ơn ơp ơt",
  "u uc ui um un ung up ut ua uôc uôi uôm uôn uông uôp uôt",
  "ư ưc ưi ưm ưn ưng ưt ưu ưa ươc ươi ươm ươn ương ươp ươt ươu",
  "y yêm yên yêt yêu",
  "oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt oe oec oem oen oeo oet",
  "uân uâng uât uây uê uêch uênh uy uych uyn uynh uyp uyt uya uyên uyêt uyu uơ",
]
  .join(" ")
  .split(" ");
const SYLLABLE = new RegExp(
  `^${INITIAL}?(${RHYMES.sort((a, b) => b.length - a.length).join("|")})$`
);
const GLIDE_END = /[iouy]$/;
const ALL_VOWELS = /^[aăâeêioôơuưy]+$/;

/**
 * Is `word` (any case, NFC or NFD) a well-formed Vietnamese syllable with at most one tone, placed where
 * Vietnamese puts it? Used to tell decoded text from garbage, so it errs on the side of accepting.
 */
export function isVietnameseSyllable(word: string): boolean {
  let bare = "";
  let tone = -1;
  let tonePos = -1;
  for (const ch of word.normalize("NFC").toLowerCase()) {
    const t = TONED_LOWER.get(ch);
    if (t !== undefined) {
      if (tone >= 0) return false;
      tone = t[1];
      tonePos = bare.length;
      bare += t[0];
    } else {
      bare += ch;
    }
  }
  // Place names of the Central Highlands end in k where quốc ngữ writes c ("Đắk Lắk", "Lắk").
  const m = SYLLABLE.exec(bare.replace(/k$/, "c"));
  if (!m) return false;
  if (tone < 0) return true;
  const rhyme = m[1];
  // "oo" is only in loans ("xoong", "soóc"): toneless or sắc on the second o. A VNI "coäng" read as
  // TCVN3 gives "coọng", which this rejects.
  if (rhyme.startsWith("oo")) return tone === ACUTE && tonePos === bare.length - rhyme.length + 1;
  // Syllables closed by p, t, c, ch take only sắc or nặng: "mất" exists, "mãt" cannot.
  if (/(?:p|t|c|ch)$/.test(rhyme)) return tone === ACUTE || tone === DOT;
  // In an open rhyme ending in a glide (ai, ao, au, ay, eo, iu, oi, ui, ưu…) the tone never sits on the
  // glide ("tàu", not "taù"), except "uy", where the new-style spelling puts it there ("thuý").
  if (
    rhyme.length >= 2 &&
    ALL_VOWELS.test(rhyme) &&
    GLIDE_END.test(rhyme) &&
    !rhyme.endsWith("uy")
  ) {
    return tonePos !== bare.length - 1;
  }
  return true;
}

// Words are cut at white space, digits and ASCII or general punctuation only: in legacy text, Latin-1
// symbols such as ¶ · ­ are letters.
const WORD_BREAK = /[\s\d!-/:-@[-`{-~\u2010-\u2027\u2030-\u205e]+/;

// Frequent syllables of administrative Vietnamese. Only a tie-breaker: when both decodings give valid
// syllables ("tö" is "tư" in VNI, "tử" in TCVN3), the one that reads like ordinary prose wins.
const COMMON = new Set(
  (
    "và của các có cho công cộng cơ chính chức chủ cấp cụm cùng cục đồng đơn đạo đảng đoàn đội đua điểm định " +
    "động được đã đến để đầu giáo dục hội hiện hoạt hành hòa hoà hóa hoá học khen khối kế kết khu lao lãnh luật " +
    "lực môn một mới năm người nhà nhân nhiệm nội nước phong pháp phát phòng phố quả quản quy quốc sở số sự " +
    "sinh tác tài tạo tế thể thi thành thưởng thương thực tiêu tình tỉnh tổ tổng trong trưởng trường tư từ " +
    "uỷ ủy văn việc viên vụ xã xây xuất y với về vì trên dưới theo tại tốt ưu tiên"
  ).split(" ")
);

/** How many words of `s` that are not plain ASCII fail to be Vietnamese syllables, and how many are common. */
function scoreWords(s: string): { bad: number; common: number } {
  let bad = 0;
  let common = 0;
  for (const w of s.split(WORD_BREAK)) {
    if (w === "" || !hasNonAscii(w)) continue;
    if (!isVietnameseSyllable(w)) bad++;
    else if (COMMON.has(w.toLowerCase())) common++;
  }
  return { bad, common };
}

// ---------------------------------------------------------------------------------------------------
// Public API

/** Vietnamese letters outside Latin-1 (ă đ ĩ ũ ơ ư, U+1EA0–U+1EF9), separately for readability. */
const UNICODE_VIETNAMESE_LETTER =
  /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]/;
/** The combining marks of NFD Vietnamese: tones, breve, circumflex, horn. */
const COMBINING_VIETNAMESE = /\p{M}/u;

/** Text with a Vietnamese letter no legacy text read through Windows-1252 can contain is Unicode. */
function isUnicodeVietnamese(s: string): boolean {
  return UNICODE_VIETNAMESE_LETTER.test(s) || COMBINING_VIETNAMESE.test(s);
}
/** Every TCVN3 and VNI letter is in 0xA1–0xFF. */
const LATIN1_HIGH = /[\u00a1-\u00ff]/;

/** The legacy encoding a font name implies: ".VnTime", ".VnArialH" → tcvn3; "VNI-Times" → vni. */
export function fontEncoding(fontName?: string | null): LegacyEncoding | null {
  if (!fontName) return null;
  const f = fontName.trim();
  if (/^\.vn/i.test(f)) return "tcvn3";
  if (/^vni[-_ ]/i.test(f)) return "vni";
  return null;
}

/** ".VnTimeH", ".VnArialH"…: TCVN3 fonts that draw every letter as a capital. */
export function isCapitalsFont(fontName?: string | null): boolean {
  return !!fontName && /^\.[Vv][Nn].*H$/.test(fontName.trim());
}

/** N4: by font name (".VnTime", ".VnArial", ".VnTimeH"… → tcvn3; "VNI-Times"… → vni) and/or by characters. */
export function detectLegacyEncoding(
  text: string,
  fontName?: string | null
): LegacyEncoding | null {
  if (!LATIN1_HIGH.test(text) || isUnicodeVietnamese(text)) return null;
  const byFont = fontEncoding(fontName);
  const asIs = scoreWords(text).bad;
  let best: LegacyEncoding | null = null;
  let bestBad = Infinity;
  let bestCommon = -1;
  // Both decodings are tried even when the font names one: a VNI text pasted into a .VnTime cell keeps
  // its VNI bytes. The font's encoding comes first and wins ties; without a font, ties go to the
  // decoding with more common words, then to TCVN3, the commoner encoding in provincial files.
  const candidates: LegacyEncoding[] = byFont === "vni" ? ["vni", "tcvn3"] : ["tcvn3", "vni"];
  for (const enc of candidates) {
    const decoded = legacyToUnicode(text, enc);
    if (decoded === text.normalize("NFC")) continue;
    const { bad, common } = scoreWords(decoded);
    if (bad < bestBad || (bad === bestBad && byFont === null && common > bestCommon)) {
      best = enc;
      bestBad = bad;
      bestCommon = common;
    }
  }
  if (best === null) return null;
  // The font is evidence of its own: with it, a decoding as good as the text as it is wins ("Bé" in a
  // .VnTime cell is what the officer saw as "Bộ"); without it, the decoding must be strictly better.
  return bestBad < asIs || (best === byFont && bestBad <= asIs) ? best : null;
}

/** Convert to Unicode NFC. `allCaps` for text drawn by a capitals-only font (".VnTimeH"). */
export function legacyToUnicode(
  text: string,
  encoding: LegacyEncoding,
  opts?: { allCaps?: boolean }
): string {
  const out = (encoding === "tcvn3" ? decodeTcvn3(text) : decodeVni(text)).normalize("NFC");
  return opts?.allCaps ? out.toUpperCase() : out;
}

/** Detect then convert; returns the input unchanged (encoding null) when it is already Unicode Vietnamese. */
export function toUnicode(
  text: string,
  fontName?: string | null
): { text: string; encoding: LegacyEncoding | null } {
  const encoding = detectLegacyEncoding(text, fontName);
  if (encoding === null) return { text, encoding: null };
  return { text: legacyToUnicode(text, encoding, { allCaps: isCapitalsFont(fontName) }), encoding };
}

/**
 * Unicode → legacy, for tests, samples and the simulator (the product itself only writes Unicode).
 * TCVN3 toned capitals are written in the converter form (base capital + toned lower case).
 */
export function unicodeToLegacy(text: string, encoding: LegacyEncoding): string {
  const table = encoding === "tcvn3" ? TCVN3_ENCODE : VNI_ENCODE;
  let out = "";
  for (const ch of text.normalize("NFC")) out += table.get(ch) ?? ch;
  return out;
}
