/**
 * QA cases: score sheets laid out the ways offices lay them out, none written for the engine. Each case is
 * a criteria tree plus leaf scores; a renderer writes the layout, and the oracle below computes the expected
 * totals from DOMAIN R5, R7, R8, R9, R10 and K2 on that same model (never from src/core).
 * Run: node -r ts-node/register/transpile-only test/qa/make-cases.ts
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";

type Cell = string | number | null | { formula: string; result?: number };
type Kind = "content" | "bonus" | "deduction";
interface Node {
  code: string;
  label: string;
  max: number | null;
  kind?: Kind;
  weight?: number;
  children?: Node[];
}
/** Leaf scores in tree order, per unit; null is a blank cell. */
type Scores = Record<string, (number | null)[]>;
interface Expected {
  files: string[];
  units: { name: string; total: number; rank: number }[];
  issues: { code: string; cell?: string; unit?: string }[];
  provisional: boolean;
  noErrors?: boolean;
  /** Not a score sheet: the engine must refuse with a reason, not rank. */
  notScoreSheet?: boolean;
}
interface SheetDef {
  name: string;
  rows: Cell[][];
  merges?: string[];
  bold?: number[];
  hiddenCols?: number[];
  /** Cell indent levels: [1-based row, 0-based column, level]. */
  indents?: [number, number, number][];
}

const OUT = __dirname;
const NFD = (s: string): string => s.normalize("NFD");

function leaves(
  tree: Node[],
  kind: Kind = "content",
  w = 1
): { node: Node; kind: Kind; w: number }[] {
  const out: { node: Node; kind: Kind; w: number }[] = [];
  for (const n of tree) {
    const k = n.kind ?? kind;
    const ww = n.weight ?? w;
    if (n.children?.length) out.push(...leaves(n.children, k, ww));
    else out.push({ node: n, kind: k, w: ww });
  }
  return out;
}

/** R9 total with R5 weights, R7 cap (the bonus section row's max) and R8 magnitudes. */
function oracleTotal(tree: Node[], s: (number | null)[]): number {
  let content = 0;
  let bonus = 0;
  let ded = 0;
  let cap = Infinity;
  for (const n of tree) if (n.kind === "bonus" && n.max !== null) cap = n.max;
  leaves(tree).forEach((l, i) => {
    const v = s[i] ?? 0;
    if (l.kind === "content") content += v * l.w;
    else if (l.kind === "bonus") bonus += v;
    else ded += Math.abs(v);
  });
  return content + Math.min(bonus, cap) - ded;
}

/** R10 two decimals half away from zero; K2 competition ranks. */
function ranked(units: { name: string; total: number }[]): Expected["units"] {
  const r2 = (x: number): number => (Math.sign(x) * Math.round(Math.abs(x) * 100 + 1e-9)) / 100;
  const list = units.map((u) => ({ name: u.name, total: r2(u.total) }));
  return list
    .map((u) => ({ ...u, rank: 1 + list.filter((o) => o.total > u.total).length }))
    .sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name));
}

const colL = (c: number): string =>
  c < 26 ? String.fromCharCode(65 + c) : colL(Math.floor(c / 26) - 1) + colL(c % 26);

interface AOpts {
  /** Header cells before the units: e.g. ["STT","Nội dung","Điểm chuẩn"]; roles given by `cols`. */
  head: string[];
  cols: { code?: number; label: number; max: number; weight?: number };
  /** Codes written into the label ("I. Công tác…") instead of a code column. */
  codeInLabel?: boolean;
  /** STT numbered 1, 2, 3 on every row (codes then live in the label). */
  sttRunning?: boolean;
  units: string[];
  tail?: string[];
  title?: string[];
  spacerBetweenSections?: boolean;
  /** A "Cộng" row after each content section holding SUM formulas of its leaves. */
  congRows?: boolean;
  totalRow?: boolean;
  /** Unit and column headers merged across 2 header rows (vertical merge). */
  twoRowHeader?: boolean;
  after?: Cell[][];
  nfd?: boolean;
  upper?: boolean;
  /**
   * R14: how the tree shows without codes: leading spaces, the cell's indent, or nothing but SUM
   * formulas (saved without results) on the parent rows; no bold in any of them.
   */
  shape?: "spaces" | "indent" | "sums";
  /** Parent rows and the total row typed, each the sum of its parts as shown at 2 decimals. */
  typedParents?: boolean;
}

/** Layout A (criteria in rows, one column per unit). Returns rows, merges, bold rows. */
function renderA(tree: Node[], scores: Scores, o: AOpts): SheetDef & { leafRows: number[] } {
  const tx = (s: string): string => (o.nfd ? NFD(s) : s);
  const rows: Cell[][] = [];
  const merges: string[] = [];
  const bold: number[] = [];
  const width = o.head.length + o.units.length + (o.tail?.length ?? 0);
  for (const t of o.title ?? []) {
    rows.push([tx(t)]);
    merges.push(`A${rows.length}:${colL(width - 1)}${rows.length}`);
  }
  rows.push([]);
  const h = o.upper ? o.head.map((x) => x.toUpperCase()) : o.head;
  rows.push([...h, ...o.units, ...(o.tail ?? [])].map(tx));
  bold.push(rows.length);
  if (o.twoRowHeader) {
    rows.push([]);
    for (let c = 0; c < width; c++)
      merges.push(`${colL(c)}${rows.length - 1}:${colL(c)}${rows.length}`);
  }
  const firstUnit = o.head.length;
  const leafRows: number[] = [];
  const names = o.units;
  let li = 0;
  let stt = 0;
  const indents: [number, number, number][] = [];
  const put = (n: Node, depth: number, leafVals: Cell[] | null): void => {
    const r: Cell[] = new Array(width).fill(null);
    if (o.sttRunning) r[o.cols.code ?? 0] = ++stt;
    else if (o.cols.code !== undefined && !o.codeInLabel && !o.shape) r[o.cols.code] = n.code;
    const text = o.codeInLabel && n.code ? `${n.code} ${n.label}` : n.label;
    r[o.cols.label] = tx(o.shape === "spaces" ? " ".repeat(2 * depth) + text : text);
    if (o.shape === "indent" && depth > 0) indents.push([rows.length + 1, o.cols.label, depth]);
    r[o.cols.max] = n.max;
    if (o.cols.weight !== undefined && !n.children?.length) r[o.cols.weight] = n.weight ?? 1;
    if (leafVals) leafVals.forEach((v, k) => (r[firstUnit + k] = v));
    rows.push(r);
    if (depth === 0 && !o.shape) bold.push(rows.length);
  };
  // Per node in tree order, its row; parents get their formulas or typed sums once the rows are known.
  const rowOf = new Map<Node, number>();
  const shown = (x: number): number => Math.round(x * 100 + 1e-9) / 100;
  const walk = (ns: Node[], depth: number): void => {
    for (const n of ns) {
      if (n.children?.length) {
        put(n, depth, null);
        rowOf.set(n, rows.length);
        const start = rows.length + 1;
        walk(n.children, depth + 1);
        if (depth === 0 && o.congRows && (n.kind ?? "content") === "content") {
          const end = rows.length;
          const r: Cell[] = new Array(width).fill(null);
          r[o.cols.label] = tx("Cộng");
          r[o.cols.max] = n.max;
          names.forEach((_, k) => {
            const c = colL(firstUnit + k);
            const vals = leafRows.filter((x) => x >= start && x <= end);
            const sum = vals.reduce((a, x) => a + Number(rows[x - 1][firstUnit + k] ?? 0), 0);
            r[firstUnit + k] = { formula: vals.map((x) => `${c}${x}`).join("+"), result: sum };
          });
          rows.push(r);
        }
        if (depth === 0 && o.spacerBetweenSections) rows.push([]);
      } else {
        put(
          n,
          depth,
          names.map((u) => scores[u.normalize("NFC")][li])
        );
        leafRows.push(rows.length);
        rowOf.set(n, rows.length);
        li++;
      }
    }
  };
  walk(tree, 0);
  const typedOf = (n: Node, k: number): number => {
    const r = rowOf.get(n)!;
    const v = rows[r - 1][firstUnit + k];
    return typeof v === "number" ? v : 0;
  };
  const parentsBottomUp = (ns: Node[]): Node[] =>
    ns.flatMap((n) => (n.children?.length ? [...parentsBottomUp(n.children), n] : []));
  for (const n of parentsBottomUp(tree)) {
    const r = rows[rowOf.get(n)! - 1];
    const kids = n.children!.map((c) => rowOf.get(c)!);
    if (o.shape === "sums") {
      // A bonus section's max is its cap, typed as such (R7); a deduction section has none.
      const capped = (n.kind ?? "content") !== "content";
      const cols = [...(capped ? [] : [o.cols.max]), ...names.map((_, k) => firstUnit + k)];
      for (const c of cols)
        r[c] = { formula: `SUM(${kids.map((x) => `${colL(c)}${x}`).join(",")})` };
    } else if (o.typedParents)
      names.forEach((_, k) => {
        const parts = n.children!.map((c) => Math.abs(typedOf(c, k)));
        r[firstUnit + k] = shown(sum(parts));
      });
  }
  if (o.totalRow) {
    const r: Cell[] = new Array(width).fill(null);
    r[o.cols.label] = tx("TỔNG CỘNG");
    if (o.typedParents)
      names.forEach((_, k) => {
        let content = 0;
        let bonus = 0;
        let cap = Infinity;
        let ded = 0;
        for (const n of tree) {
          const v = n.children?.length
            ? typedOf(n, k)
            : Number(rows[rowOf.get(n)! - 1][firstUnit + k] ?? 0);
          if (n.kind === "bonus") {
            bonus += v;
            if (n.max !== null) cap = n.max;
          } else if (n.kind === "deduction") ded += Math.abs(v);
          else content += v;
        }
        r[firstUnit + k] = shown(content + Math.min(bonus, cap) - ded);
      });
    rows.push(r);
    if (!o.shape) bold.push(rows.length);
  }
  for (const a of o.after ?? []) rows.push(a.map((x) => (typeof x === "string" ? tx(x) : x)));
  return { name: "", rows, merges, bold, leafRows, indents };
}

async function writeBook(file: string, sheets: SheetDef[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    // ExcelJS cells, not Office.js ranges: no load/sync protocol here.
    s.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === undefined) return;
        const cell = ws.getCell(r + 1, c + 1);
        cell.value = v as ExcelJS.CellValue;
        if (s.bold?.includes(r + 1)) cell.font = { bold: true };
      })
    );
    for (const [r, c, level] of s.indents ?? []) ws.getCell(r, c + 1).alignment = { indent: level };
    for (const m of s.merges ?? []) ws.mergeCells(m);
    for (const c of s.hiddenCols ?? []) ws.getColumn(c + 1).hidden = true;
  }
  await wb.xlsx.writeFile(file);
}

interface Case {
  name: string;
  files: { file: string; sheets: SheetDef[] }[];
  expected: Omit<Expected, "files">;
}
const cases: Case[] = [];

function totalsOf(tree: Node[], scores: Scores): Expected["units"] {
  return ranked(
    Object.keys(scores).map((name) => ({ name, total: oracleTotal(tree, scores[name]) }))
  );
}

// A shared 100-point tree with Roman sections, "1." criteria and "a)" items, bonus cap 5, a deduction.
const T100: Node[] = [
  {
    code: "I",
    label: "CÔNG TÁC CHUYÊN MÔN",
    max: 60,
    children: [
      {
        code: "1",
        label: "Thực hiện nhiệm vụ chính trị",
        max: 30,
        children: [
          { code: "a", label: "Hoàn thành chỉ tiêu kế hoạch", max: 20 },
          { code: "b", label: "Đúng tiến độ", max: 10 },
        ],
      },
      { code: "2", label: "Cải cách hành chính", max: 30 },
    ],
  },
  {
    code: "II",
    label: "XÂY DỰNG ĐẢNG, ĐOÀN THỂ",
    max: 40,
    children: [
      { code: "1", label: "Tổ chức đảng", max: 20 },
      { code: "2", label: "Công đoàn, Đoàn thanh niên", max: 20 },
    ],
  },
  {
    code: "III",
    label: "ĐIỂM THƯỞNG",
    max: 5,
    kind: "bonus",
    children: [
      { code: "1", label: "Sáng kiến được công nhận", max: 3 },
      { code: "2", label: "Khen thưởng đột xuất", max: 3 },
    ],
  },
  {
    code: "IV",
    label: "ĐIỂM TRỪ",
    max: null,
    kind: "deduction",
    children: [{ code: "1", label: "Chậm gửi báo cáo", max: 5 }],
  },
];
const U5 = ["Sở Tư pháp", "Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Xây dựng", "Sở Công Thương"];
// leaves: a, b, 2, II.1, II.2, bonus1, bonus2, ded
const S5: Scores = {
  "Sở Tư pháp": [18, 9, 27.5, 19, 18, 2, 1, 0],
  "Sở Y tế": [19.5, 10, 28, 18, 19, 3, 3, 1],
  "Sở Giáo dục và Đào tạo": [17, 8.5, 29, 20, 17.5, 0, 0, 0.5],
  "Sở Xây dựng": [18, 9, 27.5, 19, 18, 2, 1, 0],
  "Sở Công Thương": [16, 9, 25, 18, 19, 1, 0, 2],
};
const codeWith = (tree: Node[], f: (n: Node, depth: number, parent: string) => string): Node[] => {
  const go = (ns: Node[], d: number, p: string): Node[] =>
    ns.map((n) => {
      const code = f(n, d, p);
      return { ...n, code, children: n.children ? go(n.children, d + 1, code) : undefined };
    });
  return go(tree, 0, "");
};
const signature: Cell[][] = [[], [null, "NGƯỜI LẬP BIỂU", null, null, "TM. CỤM THI ĐUA"]];

// 1. "TT | Tiêu chí | Điểm TĐ", codes "I." "1." "a)", title merged over the table, signature block.
{
  const tree = codeWith(T100, (n, d) =>
    d === 0 ? `${n.code}.` : d === 1 ? `${n.code}.` : `${n.code})`
  );
  const a = renderA(tree, S5, {
    head: ["TT", "Tiêu chí", "Điểm TĐ"],
    cols: { code: 0, label: 1, max: 2 },
    units: U5,
    tail: ["Ghi chú"],
    title: ["CỤM THI ĐUA CÁC SỞ NỘI CHÍNH", "BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2025"],
    totalRow: true,
    after: signature,
  });
  cases.push({
    name: "qa01-a-tieuchi-diemtd-letters",
    files: [{ file: "input.xlsx", sheets: [{ ...a, name: "Tổng hợp" }] }],
    expected: {
      units: totalsOf(tree, S5),
      issues: [{ code: "bonus-capped", unit: "Sở Y tế" }],
      provisional: false,
      noErrors: true,
    },
  });
}

// 2. UPPER CASE headers without diacritics, codes "II.1" style, "Điểm tối đa" spelled "DIEM CHUAN".
{
  const tree = codeWith(T100, (n, d, p) =>
    d === 0 ? n.code : d === 1 ? `${p}.${n.code}` : `${p}.${n.code === "a" ? 1 : 2}`
  );
  const a = renderA(tree, S5, {
    head: ["STT", "NOI DUNG TIEU CHI", "DIEM CHUAN"],
    cols: { code: 0, label: 1, max: 2 },
    units: U5,
    title: ["BANG CHAM DIEM THI DUA"],
    totalRow: true,
  });
  cases.push({
    name: "qa02-a-upper-no-diacritics-roman-dotted",
    files: [{ file: "input.xlsx", sheets: [{ ...a, name: "DIEM" }] }],
    expected: {
      units: totalsOf(tree, S5),
      issues: [{ code: "bonus-capped", unit: "Sở Y tế" }],
      provisional: false,
      noErrors: true,
    },
  });
}

// 3. No STT column: codes inside the label ("I. CÔNG TÁC…"), "Nội dung | Thang điểm".
{
  const tree = codeWith(T100, (n, d) => (d === 2 ? `${n.code})` : `${n.code}.`));
  const a = renderA(tree, S5, {
    head: ["Nội dung", "Thang điểm"],
    cols: { label: 0, max: 1 },
    codeInLabel: true,
    units: U5,
    title: ["KẾT QUẢ CHẤM ĐIỂM CỤM THI ĐUA SỐ 3"],
  });
  cases.push({
    name: "qa03-a-no-stt-codes-in-label",
    files: [{ file: "input.xlsx", sheets: [{ ...a, name: "Cum 3" }] }],
    expected: {
      units: totalsOf(tree, S5),
      issues: [{ code: "bonus-capped", unit: "Sở Y tế" }],
      provisional: false,
      noErrors: true,
    },
  });
}

// 4. STT numbered 1, 2, 3 on every row, the real codes inside the label.
{
  const tree = codeWith(T100, (n, d) => (d === 2 ? `${n.code})` : `${n.code}.`));
  const a = renderA(tree, S5, {
    head: ["STT", "Nội dung", "Điểm chuẩn"],
    cols: { code: 0, label: 1, max: 2 },
    codeInLabel: true,
    sttRunning: true,
    units: U5,
    tail: ["Ghi chú"],
    totalRow: true,
  });
  cases.push({
    name: "qa04-a-stt-running-codes-in-label",
    files: [{ file: "input.xlsx", sheets: [{ ...a, name: "Bảng điểm" }] }],
    expected: {
      units: totalsOf(tree, S5),
      issues: [{ code: "bonus-capped", unit: "Sở Y tế" }],
      provisional: false,
      noErrors: true,
    },
  });
}

// 5. 1000-point scale (950 + 50 bonus), "Điểm tối đa", three levels deep "1.1.2", bonus capped.
{
  const tree: Node[] = [
    {
      code: "1",
      label: "Thực hiện nhiệm vụ chuyên môn",
      max: 600,
      children: [
        {
          code: "1.1",
          label: "Kế hoạch công tác",
          max: 300,
          children: [
            { code: "1.1.1", label: "Ban hành kế hoạch", max: 100 },
            { code: "1.1.2", label: "Tổ chức thực hiện", max: 200 },
          ],
        },
        { code: "1.2", label: "Chất lượng tham mưu", max: 300 },
      ],
    },
    {
      code: "2",
      label: "Công tác thi đua, khen thưởng",
      max: 350,
      children: [
        { code: "2.1", label: "Phát động phong trào", max: 150 },
        { code: "2.2", label: "Nhân rộng điển hình", max: 200 },
      ],
    },
    {
      code: "3",
      label: "Điểm thưởng",
      max: 50,
      kind: "bonus",
      children: [
        { code: "3.1", label: "Dẫn đầu khối", max: 30 },
        { code: "3.2", label: "Sáng kiến", max: 30 },
      ],
    },
  ];
  const units = ["Huyện Nam Đông", "Huyện Phú Lộc", "Thị xã Hương Trà", "Huyện A Lưới"];
  const s: Scores = {
    "Huyện Nam Đông": [95, 180, 270, 140, 185, 30, 30],
    "Huyện Phú Lộc": [100, 190, 280, 145, 190, 0, 10],
    "Thị xã Hương Trà": [90, 175, 265, 150, 200, 20, 0],
    "Huyện A Lưới": [85, 160, 250, 130, 170, 0, 0],
  };
  const a = renderA(tree, s, {
    head: ["STT", "Nội dung", "Điểm tối đa"],
    cols: { code: 0, label: 1, max: 2 },
    units,
    totalRow: true,
  });
  cases.push({
    name: "qa05-a-scale-1000-three-levels",
    files: [{ file: "input.xlsx", sheets: [{ ...a, name: "Khối huyện" }] }],
    expected: {
      units: totalsOf(tree, s),
      issues: [{ code: "bonus-capped", unit: "Huyện Nam Đông" }],
      provisional: false,
      noErrors: true,
    },
  });
}

// 6. Weight column "Hệ số" (R5): parent max = weighted sum of children.
{
  const tree: Node[] = [
    {
      code: "I",
      label: "Nhiệm vụ trọng tâm",
      max: 60,
      children: [
        { code: "1", label: "Giải ngân vốn đầu tư", max: 10, weight: 3 },
        { code: "2", label: "Thu ngân sách", max: 15, weight: 2 },
      ],
    },
    {
      code: "II",
      label: "Nhiệm vụ thường xuyên",
      max: 40,
      children: [
        { code: "1", label: "Báo cáo định kỳ", max: 20, weight: 1 },
        { code: "2", label: "Cải cách hành chính", max: 10, weight: 2 },
      ],
    },
  ];
  const units = ["Sở Tài chính", "Sở Kế hoạch và Đầu tư", "Kho bạc Nhà nước tỉnh"];
  const s: Scores = {
    "Sở Tài chính": [9, 14, 18, 9],
    "Sở Kế hoạch và Đầu tư": [10, 12, 19, 8.5],
    "Kho bạc Nhà nước tỉnh": [8, 15, 20, 9.5],
  };
  const a = renderA(tree, s, {
    head: ["STT", "Nội dung tiêu chí", "Điểm chuẩn", "Hệ số"],
    cols: { code: 0, label: 1, max: 2, weight: 3 },
    units,
    totalRow: true,
  });
  cases.push({
    name: "qa06-a-weights-he-so",
    files: [{ file: "input.xlsx", sheets: [{ ...a, name: "Có hệ số" }] }],
    expected: { units: totalsOf(tree, s), issues: [], provisional: false, noErrors: true },
  });
}

// 7. Spacer rows between sections, a "Cộng" subtotal row per section, a summary table and notes below.
{
  const tree = codeWith(T100, (n, d) => (d === 2 ? "-" : `${n.code}.`));
  const a = renderA(tree, S5, {
    head: ["STT", "Nội dung", "Điểm chuẩn"],
    cols: { code: 0, label: 1, max: 2 },
    units: U5,
    spacerBetweenSections: true,
    congRows: true,
    totalRow: true,
    after: [
      [],
      [null, "TỔNG HỢP KẾT QUẢ"],
      ["STT", "Đơn vị", "Tổng điểm", "Xếp hạng"],
      [1, "Sở Y tế", 95.5, 1],
      [2, "Sở Tư pháp", 92.5, 2],
      [],
      ["Ghi chú: điểm trừ tính theo báo cáo của Văn phòng."],
    ],
  });
  cases.push({
    name: "qa07-a-spacers-cong-rows-summary-below",
    files: [{ file: "input.xlsx", sheets: [{ ...a, name: "Chấm điểm" }] }],
    expected: {
      units: totalsOf(tree, S5),
      issues: [{ code: "bonus-capped", unit: "Sở Y tế" }],
      provisional: false,
      noErrors: true,
    },
  });
}

// 8. Header merged across 2 rows ("Sở X" names merged vertically), a hidden helper column, a blank score.
{
  const tree = codeWith(T100, (n, d) => (d === 2 ? `${n.code}.` : `${n.code}.`));
  const s: Scores = { ...S5, "Sở Công Thương": [...S5["Sở Công Thương"]] };
  s["Sở Công Thương"][2] = null;
  const a = renderA(tree, s, {
    head: ["STT", "Nội dung", "Điểm chuẩn"],
    cols: { code: 0, label: 1, max: 2 },
    units: U5,
    tail: ["Ghi chú"],
    title: ["CỤM THI ĐUA KHỐI KINH TẾ TỔNG HỢP"],
    twoRowHeader: true,
    totalRow: true,
  });
  // The blank is at the third leaf row, unit column 3 + 4 (Sở Công Thương).
  const cell = `'Cụm KT'!${colL(3 + 4)}${a.leafRows[2]}`;
  cases.push({
    name: "qa08-a-header-merged-two-rows-blank",
    files: [{ file: "input.xlsx", sheets: [{ ...a, name: "Cụm KT", hiddenCols: [8] }] }],
    expected: {
      units: totalsOf(tree, s),
      issues: [
        { code: "bonus-capped", unit: "Sở Y tế" },
        { code: "score-missing", cell },
      ],
      provisional: true,
    },
  });
}

// 9. Layout B: max inside the header "(20đ)", typed "Tổng điểm" and "Xếp hạng" columns, a wrong typed total.
{
  const crit = [
    { h: "Công tác chuyên môn (40đ)", max: 40 },
    { h: "Cải cách hành chính (20đ)", max: 20 },
    { h: "Chuyển đổi số (20đ)", max: 20 },
    { h: "Công tác đảng, đoàn thể (20đ)", max: 20 },
  ];
  const units = [
    "UBND huyện Bảo Thắng",
    "UBND huyện Bát Xát",
    "UBND thị xã Sa Pa",
    "UBND huyện Si Ma Cai",
  ];
  const sc = [
    [36, 18, 17, 19, 2, 0],
    [38, 17.5, 18, 18, 0, 1],
    [35, 19, 19, 18.5, 3, 0],
    [33, 16, 15, 17, 0, 0],
  ];
  const tot = sc.map((r) => r[0] + r[1] + r[2] + r[3] + Math.min(r[4], 5) - r[5]);
  const rows: Cell[][] = [
    ["KẾT QUẢ CHẤM ĐIỂM THI ĐUA CỤM HUYỆN"],
    [],
    [
      "STT",
      "Tên đơn vị",
      ...crit.map((c) => c.h),
      "Điểm thưởng (5đ)",
      "Điểm trừ",
      "Tổng điểm",
      "Xếp hạng",
    ],
    ...units.map((u, i) => [i + 1, u, ...sc[i], i === 3 ? tot[i] + 1 : tot[i], i + 1]),
    [],
    [null, "NGƯỜI LẬP BIỂU"],
  ];
  cases.push({
    name: "qa09-b-max-in-header-d-typed-total-rank",
    files: [
      { file: "input.xlsx", sheets: [{ name: "Cụm huyện", rows, merges: ["A1:J1"], bold: [3] }] },
    ],
    expected: {
      units: ranked(units.map((name, i) => ({ name, total: tot[i] }))),
      issues: [{ code: "subtotal-mismatch", cell: "'Cụm huyện'!I7" }],
      provisional: false,
      noErrors: true,
    },
  });
}

// 10. Layout B, max in a row under the header ("Điểm tối đa"), no STT, units in NFD.
{
  const units = ["Sở Nội vụ", "Sở Ngoại vụ", "Ban Dân tộc"];
  const sc = [
    [28, 27, 19, 4],
    [29.5, 26, 18, 2],
    [27, 28, 20, 5],
  ];
  const rows: Cell[][] = [
    ["BẢNG ĐIỂM KHỐI CÁC CƠ QUAN TỔNG HỢP"],
    [],
    ["Đơn vị", "Tiêu chí 1", "Tiêu chí 2", "Tiêu chí 3", "Điểm cộng"],
    ["Điểm tối đa", 30, 30, 20, 5],
    ...units.map((u, i) => [NFD(u), ...sc[i]]),
  ];
  cases.push({
    name: "qa10-b-max-row-no-stt-nfd-units",
    files: [{ file: "input.xlsx", sheets: [{ name: "Khối TH", rows, bold: [3] }] }],
    expected: {
      units: ranked(units.map((name, i) => ({ name, total: sum(sc[i]) }))),
      issues: [],
      provisional: false,
      noErrors: true,
    },
  });
}

// 11. Layout C with "Tự chấm | Khối chấm", one unit not yet reviewed (R6 review-missing).
{
  const tree = codeWith(T100, (n, d) => (d === 2 ? `${n.code})` : `${n.code}.`));
  const units = U5.slice(0, 3);
  const self: Scores = {};
  const rev: Scores = {};
  units.forEach((u) => {
    self[u] = S5[u].map((v) => (v === null ? null : v));
    rev[u] = S5[u].map((v, i) => (v === null ? null : i < 5 ? Math.max(0, v - 0.5) : v));
  });
  rev[units[2]] = rev[units[2]].map(() => null);
  const rows: Cell[][] = [
    ["CỤM THI ĐUA SỐ 2 - BẢNG THẨM ĐỊNH ĐIỂM"],
    [],
    ["STT", "Nội dung", "Điểm chuẩn", ...units.flatMap((u) => [u, null])],
    [null, null, null, ...units.flatMap(() => ["Tự chấm", "Khối chấm"])],
  ];
  const merges = [
    "A3:A4",
    "B3:B4",
    "C3:C4",
    ...units.map((_, k) => `${colL(3 + 2 * k)}3:${colL(4 + 2 * k)}3`),
  ];
  let li = 0;
  const walk = (ns: Node[]): void => {
    for (const n of ns) {
      if (n.children?.length) {
        rows.push([n.code, n.label, n.max]);
        walk(n.children);
      } else {
        rows.push([n.code, n.label, n.max, ...units.flatMap((u) => [self[u][li], rev[u][li]])]);
        li++;
      }
    }
  };
  walk(tree);
  const counted: Scores = {
    [units[0]]: rev[units[0]],
    [units[1]]: rev[units[1]],
    [units[2]]: self[units[2]],
  };
  cases.push({
    name: "qa11-c-tu-cham-khoi-cham-review-missing",
    files: [{ file: "input.xlsx", sheets: [{ name: "Thẩm định", rows, merges, bold: [3, 4] }] }],
    expected: {
      units: totalsOf(tree, counted),
      issues: [{ code: "review-missing", unit: units[2] }],
      provisional: false,
    },
  });
}

// 12. Layout D self-score forms, "Đơn vị:" in column C, "Điểm tự chấm | Điểm thẩm định", two sheets.
{
  const tree = codeWith(T100, (n, d) => (d === 2 ? `${n.code})` : `${n.code}.`));
  const units = ["Sở Tài nguyên và Môi trường", "Sở Nông nghiệp và Phát triển nông thôn"];
  const sheets: SheetDef[] = units.map((u, k) => {
    const rows: Cell[][] = [
      ["UBND TỈNH QUẢNG TRỊ", null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
      [],
      [null, null, `Đơn vị: ${u}`],
      ["BẢNG TỰ CHẤM ĐIỂM THI ĐUA NĂM 2025"],
      [],
      ["STT", "Nội dung", "Điểm chuẩn", "Điểm tự chấm", "Điểm thẩm định", "Giải trình"],
    ];
    let li = 0;
    const walk = (ns: Node[]): void => {
      for (const n of ns) {
        if (n.children?.length) {
          rows.push([n.code, n.label, n.max]);
          walk(n.children);
        } else {
          const v = S5[U5[k + 2]][li];
          rows.push([
            n.code,
            n.label,
            n.max,
            v,
            v === null ? null : li < 5 ? Math.max(0, v - 1) : v,
          ]);
          li++;
        }
      }
    };
    walk(tree);
    rows.push([], [null, "THỦ TRƯỞNG ĐƠN VỊ"]);
    return { name: `ĐV${k + 1}`, rows, merges: ["A4:F4"] };
  });
  const counted: Scores = {};
  units.forEach((u, k) => {
    counted[u] = S5[U5[k + 2]].map((v, i) => (v === null ? null : i < 5 ? Math.max(0, v - 1) : v));
  });
  cases.push({
    name: "qa12-d-don-vi-other-cell-tham-dinh",
    files: [{ file: "input.xlsx", sheets }],
    expected: { units: totalsOf(tree, counted), issues: [], provisional: false, noErrors: true },
  });
}

// 13. The whole sheet in NFD (labels, headers, unit names), "Nội dung | Điểm chuẩn", codes "1.", "-".
{
  const tree = codeWith(T100, (n, d) => (d === 2 ? "-" : `${n.code}.`));
  const a = renderA(tree, S5, {
    head: ["STT", "Nội dung", "Điểm chuẩn"],
    cols: { code: 0, label: 1, max: 2 },
    units: U5.map(NFD),
    nfd: true,
    totalRow: true,
  });
  const nfdScores: Scores = {};
  for (const u of U5) nfdScores[u] = S5[u];
  cases.push({
    name: "qa13-a-all-nfd",
    files: [{ file: "input.xlsx", sheets: [{ ...a, name: "Bang diem" }] }],
    expected: {
      units: totalsOf(tree, nfdScores),
      issues: [{ code: "bonus-capped", unit: "Sở Y tế" }],
      provisional: false,
      noErrors: true,
    },
  });
}

// 14. Not score sheets: a staff list and a budget table must be refused with a reason.
{
  const staff: Cell[][] = [
    ["DANH SÁCH CÁN BỘ, CÔNG CHỨC"],
    [],
    ["STT", "Họ và tên", "Chức vụ", "Năm sinh", "Số điện thoại"],
    [1, "Nguyễn Văn An", "Giám đốc", 1972, "0912345678"],
    [2, "Trần Thị Bình", "Phó Giám đốc", 1978, "0987654321"],
    [3, "Lê Văn Cường", "Chuyên viên", 1990, "0901234567"],
  ];
  cases.push({
    name: "qa14-not-score-staff-list",
    files: [{ file: "input.xlsx", sheets: [{ name: "Danh sách", rows: staff }] }],
    expected: { units: [], issues: [], provisional: false, notScoreSheet: true },
  });
  const budget: Cell[][] = [
    ["DỰ TOÁN NGÂN SÁCH NĂM 2026"],
    ["Đơn vị tính: triệu đồng"],
    ["STT", "Nội dung", "Dự toán 2025", "Ước thực hiện 2025", "Dự toán 2026"],
    ["I", "Chi thường xuyên", 12500, 12100, 13200],
    ["1", "Chi lương", 8000, 7950, 8400],
    ["2", "Chi hoạt động", 4500, 4150, 4800],
    ["II", "Chi đầu tư", 3000, 2800, 3500],
    [null, "Tổng cộng", 15500, 14900, 16700],
  ];
  cases.push({
    name: "qa15-not-score-budget",
    files: [{ file: "input.xlsx", sheets: [{ name: "Dự toán", rows: budget }] }],
    expected: { units: [], issues: [], provisional: false, notScoreSheet: true },
  });
}

// 16. Spacer rows, a summary table under TỔNG CỘNG and a notes block: only the score table is read.
{
  const tree = codeWith(T100, (n, d) => (d === 2 ? `${n.code})` : `${n.code}.`));
  const a = renderA(tree, S5, {
    head: ["STT", "Nội dung", "Điểm chuẩn"],
    cols: { code: 0, label: 1, max: 2 },
    units: U5,
    tail: ["Ghi chú"],
    spacerBetweenSections: true,
    totalRow: true,
    after: [
      [],
      [null, "TỔNG HỢP XẾP HẠNG"],
      ["STT", "Tên đơn vị", "Tổng điểm", "Xếp hạng"],
      [1, "Sở Y tế", 95.5, 1],
      [2, "Sở Tư pháp", 92.5, 2],
      [3, "Sở Xây dựng", 92.5, 2],
      [],
      ["Ghi chú:"],
      ["- Điểm thưởng tối đa 5 điểm."],
      ["- Điểm trừ theo thông báo của Cụm trưởng."],
    ],
  });
  cases.push({
    name: "qa16-a-spacers-summary-table-notes-below",
    files: [{ file: "input.xlsx", sheets: [{ ...a, name: "Tổng hợp" }] }],
    expected: {
      units: totalsOf(tree, S5),
      issues: [{ code: "bonus-capped", unit: "Sở Y tế" }],
      provisional: false,
      noErrors: true,
    },
  });
}

// 17. Layout C: "Đơn vị tự chấm | Thẩm định" under unit names, a cluster title merged over the table.
{
  const tree = codeWith(T100, (n, d) => (d === 2 ? `${n.code}.` : `${n.code}.`));
  const units = ["Sở Tư pháp", "Sở Y tế", "Sở Xây dựng", "Sở Công Thương"];
  const rows: Cell[][] = [
    ["CỤM THI ĐUA CÁC CƠ QUAN KHỐI NỘI CHÍNH"],
    ["BẢNG TỔNG HỢP KẾT QUẢ THẨM ĐỊNH NĂM 2025"],
    [],
    ["STT", "Nội dung tiêu chí", "Điểm tối đa", ...units.flatMap((u) => [u, null])],
    [null, null, null, ...units.flatMap(() => ["Đơn vị tự chấm", "Thẩm định"])],
  ];
  const last = colL(2 + 2 * units.length);
  const merges = [
    `A1:${last}1`,
    `A2:${last}2`,
    "A4:A5",
    "B4:B5",
    "C4:C5",
    ...units.map((_, k) => `${colL(3 + 2 * k)}4:${colL(4 + 2 * k)}4`),
  ];
  const rev: Scores = {};
  units.forEach((u) => (rev[u] = S5[u].map((v, i) => (v === null ? null : i === 2 ? v - 2 : v))));
  let li = 0;
  const walk = (ns: Node[]): void => {
    for (const n of ns) {
      if (n.children?.length) {
        rows.push([n.code, n.label, n.max]);
        walk(n.children);
      } else {
        rows.push([n.code, n.label, n.max, ...units.flatMap((u) => [S5[u][li], rev[u][li]])]);
        li++;
      }
    }
  };
  walk(tree);
  rows.push([null, "TỔNG CỘNG"]);
  cases.push({
    name: "qa17-c-don-vi-tu-cham-tham-dinh-title-merged",
    files: [
      { file: "input.xlsx", sheets: [{ name: "Thẩm định 2025", rows, merges, bold: [4, 5] }] },
    ],
    expected: {
      units: totalsOf(tree, rev),
      issues: [{ code: "bonus-capped", unit: "Sở Y tế" }],
      provisional: false,
      noErrors: true,
    },
  });
}

// 18. Layout B: headers "TC1 - 30đ", deductions typed negative (R8 deduction-sign), "Xếp thứ", notes below.
{
  const units = [
    "Phường Thuận Hóa",
    "Phường Phú Xuân",
    "Phường Kim Long",
    "Phường Vỹ Dạ",
    "Phường An Cựu",
  ];
  const sc = [
    [27, 36, 28, 2, -1],
    [28.5, 35, 27, 0, 0],
    [26, 38, 29, 4, -2],
    [29, 34.5, 26.5, 1, 0],
    [25, 33, 25, 0, -0.5],
  ];
  const rows: Cell[][] = [
    ["BẢNG ĐIỂM THI ĐUA KHỐI PHƯỜNG"],
    [],
    [
      "STT",
      "Tên đơn vị",
      "TC1 - 30đ",
      "TC2 - 40đ",
      "TC3 - 30đ",
      "Điểm cộng",
      "Điểm trừ",
      "Xếp thứ",
    ],
    ...units.map((u, i) => [i + 1, u, ...sc[i]]),
    [],
    ["Ghi chú: điểm trừ ghi số âm."],
  ];
  const tot = sc.map((r) => r[0] + r[1] + r[2] + r[3] - Math.abs(r[4]));
  cases.push({
    name: "qa18-b-dash-max-negative-deductions",
    files: [{ file: "input.xlsx", sheets: [{ name: "Khối phường", rows, bold: [3] }] }],
    expected: {
      units: ranked(units.map((name, i) => ({ name, total: tot[i] }))),
      issues: [
        { code: "deduction-sign", cell: "'Khối phường'!G4" },
        { code: "deduction-sign", cell: "'Khối phường'!G6" },
      ],
      provisional: false,
      noErrors: true,
    },
  });
}

// 19. Not a score sheet: a document register with "Nội dung" and "Đơn vị thực hiện" headers.
{
  const rows: Cell[][] = [
    ["SỔ THEO DÕI VĂN BẢN ĐẾN"],
    [],
    ["STT", "Số văn bản", "Ngày ban hành", "Nội dung", "Đơn vị thực hiện", "Ghi chú"],
    [1, "125/UBND-VX", "05/02/2025", "Triển khai phong trào thi đua", "Sở Nội vụ", null],
    [2, "88/SNV-TĐKT", "12/03/2025", "Hướng dẫn chấm điểm", "Ban Thi đua", "khẩn"],
    [3, "301/QĐ-UBND", "20/04/2025", "Kiện toàn Hội đồng", "Sở Nội vụ", null],
  ];
  cases.push({
    name: "qa19-not-score-document-register",
    files: [{ file: "input.xlsx", sheets: [{ name: "Văn bản đến", rows }] }],
    expected: { units: [], issues: [], provisional: false, notScoreSheet: true },
  });
}

// 20. Unit names on a second header row under a merged "ĐIỂM CÁC ĐƠN VỊ TỰ CHẤM" group header.
{
  const tree = codeWith(T100, (n, d) => (d === 2 ? `${n.code})` : `${n.code}.`));
  const a = renderA(tree, S5, {
    head: ["STT", "Nội dung", "Điểm chuẩn"],
    cols: { code: 0, label: 1, max: 2 },
    units: U5,
    totalRow: true,
  });
  // Insert the group row above the unit names: the header becomes rows h and h+1.
  const h = a.rows.findIndex((r) => r[1] === "Nội dung");
  const group: Cell[] = ["STT", "Nội dung", "Điểm chuẩn", "ĐIỂM CÁC ĐƠN VỊ TỰ CHẤM"];
  a.rows.splice(h, 0, group);
  a.rows[h + 1] = [null, null, null, ...U5];
  const merges = [
    `A${h + 1}:A${h + 2}`,
    `B${h + 1}:B${h + 2}`,
    `C${h + 1}:C${h + 2}`,
    `D${h + 1}:H${h + 1}`,
  ];
  cases.push({
    name: "qa20-a-group-header-over-unit-names",
    files: [
      {
        file: "input.xlsx",
        sheets: [{ name: "Tự chấm", rows: a.rows, merges, bold: [h + 1, h + 2] }],
      },
    ],
    expected: {
      units: totalsOf(tree, S5),
      issues: [{ code: "bonus-capped", unit: "Sở Y tế" }],
      provisional: false,
      noErrors: true,
    },
  });
}

// 21. UPPER CASE with diacritics, "CÁC NỘI DUNG BỊ TRỪ ĐIỂM", TỔNG CỘNG as SUM formulas, a XẾP HẠNG row.
{
  const tree = codeWith(T100, (n, d) => (d === 2 ? `${n.code})` : `${n.code}.`)).map((n) =>
    n.kind === "deduction" ? { ...n, label: "CÁC NỘI DUNG BỊ TRỪ ĐIỂM" } : n
  );
  const a = renderA(tree, S5, {
    head: ["STT", "NỘI DUNG TIÊU CHÍ", "ĐIỂM TỐI ĐA"],
    cols: { code: 0, label: 1, max: 2 },
    units: U5,
    upper: true,
    title: ["BẢNG CHẤM ĐIỂM THI ĐUA"],
    totalRow: true,
  });
  const ranks = totalsOf(tree, S5);
  const tr = a.rows.length - 1;
  U5.forEach((u, k) => {
    a.rows[tr][3 + k] = {
      formula: `SUM(${colL(3 + k)}${a.leafRows[0]}:${colL(3 + k)}${a.leafRows[4]})+MIN(5,${colL(3 + k)}${a.leafRows[5]}+${colL(3 + k)}${a.leafRows[6]})-${colL(3 + k)}${a.leafRows[7]}`,
      result: ranks.find((x) => x.name === u)?.total,
    };
  });
  a.rows.push([
    null,
    "XẾP HẠNG",
    null,
    ...U5.map((u) => ranks.find((x) => x.name === u)?.rank ?? null),
  ]);
  cases.push({
    name: "qa21-a-upper-diacritics-sum-total-rank-row",
    files: [{ file: "input.xlsx", sheets: [{ ...a, name: "BANG DIEM" }] }],
    expected: {
      units: ranks,
      issues: [{ code: "bonus-capped", unit: "Sở Y tế" }],
      provisional: false,
      noErrors: true,
    },
  });
}

// 22. Layout D with the unit named only in a title line ("… của Sở Y tế)"), no "Đơn vị:".
{
  const tree = codeWith(T100, (n, d) => (d === 2 ? `${n.code})` : `${n.code}.`));
  const rows: Cell[][] = [
    ["UBND TỈNH NINH BÌNH"],
    ["BẢNG TỰ CHẤM ĐIỂM THI ĐUA NĂM 2025"],
    ["(Kèm theo Báo cáo tổng kết công tác năm 2025 của Sở Y tế)"],
    ["STT", "Nội dung", "Điểm chuẩn", "Tự chấm", "Cụm chấm", "Ghi chú"],
  ];
  let li = 0;
  const walk = (ns: Node[]): void => {
    for (const n of ns) {
      if (n.children?.length) {
        rows.push([n.code, n.label, n.max]);
        walk(n.children);
      } else {
        rows.push([n.code, n.label, n.max, S5["Sở Y tế"][li], S5["Sở Y tế"][li]]);
        li++;
      }
    }
  };
  walk(tree);
  cases.push({
    name: "qa22-d-unit-in-title-only",
    files: [{ file: "input.xlsx", sheets: [{ name: "Tự chấm", rows, merges: ["A2:F2"] }] }],
    expected: {
      units: ranked([{ name: "Sở Y tế", total: oracleTotal(tree, S5["Sở Y tế"]) }]),
      issues: [{ code: "bonus-capped", unit: "Sở Y tế" }],
      provisional: false,
      noErrors: true,
    },
  });
}

// 23. A text column "Cách chấm" between max and units, names broken over lines ("Sở\nTư pháp"), and an
// "Điểm bình quân" column after the units: neither is a unit.
{
  const tree = codeWith(T100, (n, d) => (d === 2 ? `${n.code})` : `${n.code}.`));
  const units = U5.slice(0, 4);
  const rows: Cell[][] = [
    ["BẢNG CHẤM ĐIỂM"],
    [],
    [
      "STT",
      "Nội dung",
      "Điểm chuẩn",
      "Cách chấm",
      ...units.map((u) => u.replace(" ", "\n")),
      "Điểm bình quân",
    ],
  ];
  let li = 0;
  const walk = (ns: Node[]): void => {
    for (const n of ns) {
      if (n.children?.length) {
        rows.push([n.code, n.label, n.max]);
        walk(n.children);
      } else {
        const vals = units.map((u) => S5[u][li] as number);
        rows.push([
          n.code,
          n.label,
          n.max,
          "Hoàn thành 100% được điểm tối đa; chậm trừ 1 điểm",
          ...vals,
          sum(vals) / vals.length,
        ]);
        li++;
      }
    }
  };
  walk(tree);
  const sc: Scores = {};
  for (const u of units) sc[u] = S5[u];
  cases.push({
    name: "qa23-a-text-column-line-breaks-average-column",
    files: [{ file: "input.xlsx", sheets: [{ name: "Chấm điểm", rows }] }],
    expected: {
      units: totalsOf(tree, sc),
      issues: [{ code: "bonus-capped", unit: "Sở Y tế" }],
      provisional: false,
      noErrors: true,
    },
  });
}

// 24–26. R14: one tree without codes and without bold, shown by leading spaces, by the cell's indent,
// or by nothing but the SUM formulas of its parent rows (saved without results).
for (const [n, shape] of [
  [24, "spaces"],
  [25, "indent"],
  [26, "sums"],
] as const) {
  const a = renderA(T100, S5, {
    head: ["STT", "Nội dung tiêu chí", "Điểm chuẩn"],
    cols: { code: 0, label: 1, max: 2 },
    units: U5,
    title: ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2025"],
    totalRow: true,
    after: signature,
    shape,
  });
  cases.push({
    name: `qa${n}-a-no-codes-no-bold-${shape}`,
    files: [{ file: "input.xlsx", sheets: [{ ...a, name: "Tổng hợp" }] }],
    expected: {
      units: totalsOf(T100, S5),
      issues: [{ code: "bonus-capped", unit: "Sở Y tế" }],
      provisional: false,
      noErrors: true,
    },
  });
}

// 27. Scores to three decimals (averages of several graders), parents and the total typed as the sum
// of their parts shown at two decimals: off by 0,01 from the full-precision sum, which is no error.
{
  const scores: Scores = {
    "Sở Tư pháp": [18.125, 9.125, 27.5, 19, 18, 2, 1, 0],
    "Sở Y tế": [19.335, 9.335, 28, 18.005, 19.005, 2, 1, 0.5],
    "Sở Xây dựng": [17.5, 8.75, 26.125, 19.125, 18.5, 0, 0, 0],
  };
  const units = Object.keys(scores);
  const a = renderA(T100, scores, {
    head: ["STT", "Nội dung tiêu chí", "Điểm chuẩn"],
    cols: { code: 0, label: 1, max: 2 },
    units,
    title: ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2025"],
    totalRow: true,
    typedParents: true,
    after: signature,
  });
  cases.push({
    name: "qa27-a-three-decimals-typed-totals-rounded",
    files: [{ file: "input.xlsx", sheets: [{ ...a, name: "Tổng hợp" }] }],
    expected: {
      units: totalsOf(T100, scores),
      issues: [],
      provisional: false,
      noErrors: true,
    },
  });
}

// 28. Caps written as notes, the max cells left empty: "Tối đa 10 điểm" in the Ghi chú cell of an
// item, "(không quá 30 điểm)" in a row under another, "Tối đa: 5đ" under the bonus section (its cap).
// The same tree as the others, so the same totals.
{
  const a = renderA(T100, S5, {
    head: ["STT", "Nội dung tiêu chí", "Điểm chuẩn"],
    cols: { code: 0, label: 1, max: 2 },
    units: U5,
    tail: ["Ghi chú"],
    title: ["BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2025"],
    totalRow: true,
    after: signature,
  });
  const note = U5.length + 3;
  const rowOfLabel = (label: string): number => a.rows.findIndex((r) => r[1] === label);
  const noteRow = (text: string): Cell[] => [null, text, ...new Array<Cell>(note - 1).fill(null)];
  /** Inserts a row under row index `at` (0-based); bold rows below move down with it. */
  const insertUnder = (at: number, row: Cell[]): void => {
    a.rows.splice(at + 1, 0, row);
    a.bold = (a.bold ?? []).map((b) => (b > at + 1 ? b + 1 : b));
  };
  const b = rowOfLabel("Đúng tiến độ");
  a.rows[b][2] = null;
  a.rows[b][note] = "Tối đa 10 điểm";
  const par = rowOfLabel("Cải cách hành chính");
  a.rows[par][2] = null;
  insertUnder(par, noteRow("(không quá 30 điểm)"));
  const bonus = rowOfLabel("ĐIỂM THƯỞNG");
  a.rows[bonus][2] = null;
  insertUnder(bonus, noteRow("Tối đa: 5đ"));
  cases.push({
    name: "qa28-a-caps-in-notes",
    files: [{ file: "input.xlsx", sheets: [{ ...a, name: "Tổng hợp" }] }],
    expected: {
      units: totalsOf(T100, S5),
      issues: [{ code: "bonus-capped", unit: "Sở Y tế" }],
      provisional: false,
      noErrors: true,
    },
  });
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

async function main(): Promise<void> {
  // Named cases only (`… make-cases.ts qa24-…`): rewriting a workbook changes its bytes (ExcelJS
  // stamps the time), so the others are left as committed.
  const only = process.argv.slice(2);
  for (const c of cases) {
    if (only.length > 0 && !only.includes(c.name)) continue;
    const dir = path.join(OUT, c.name);
    fs.mkdirSync(dir, { recursive: true });
    for (const f of c.files) await writeBook(path.join(dir, f.file), f.sheets);
    const expected: Expected = { files: c.files.map((f) => f.file), ...c.expected };
    fs.writeFileSync(path.join(dir, "expected.json"), JSON.stringify(expected, null, 2) + "\n");
  }
  console.log(`${only.length > 0 ? only.length : cases.length} cases written to ${OUT}`);
}

void main();
