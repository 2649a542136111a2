// functions-vi.json: the same custom functions with Vietnamese display names, descriptions and
// parameter names, for Excel in Vietnamese (the manifest points vi-VN at it). The ids stay ASCII and
// identical: formulas are stored by id, so a workbook typed in Vietnamese Excel still computes in
// English Excel. The words live in src/functions/functions-vi.table.json, next to the functions.
// Called by webpack (FunctionsVietnamesePlugin) and by test/functions; CommonJS so both can require it.
const path = require("path");

const TABLE_PATH = path.join(__dirname, "..", "src", "functions", "functions-vi.table.json");

// Excel resolves a name against its own functions before add-ins', and Vietnamese Excel keeps the
// English function names, so one list covers both. Not every built-in: the ones a Vietnamese name in
// our style (letters, no dots) could plausibly equal, plus the ones our English ids resemble.
const BUILT_INS = new Set(
  `ABS ADDRESS AND AREAS ASC AVERAGE AVERAGEA AVERAGEIF AVERAGEIFS BAHTTEXT CEILING CELL CHAR CHOOSE
  CHOOSECOLS CHOOSEROWS CLEAN CODE COLUMN COLUMNS CONCAT CONCATENATE COUNT COUNTA COUNTBLANK COUNTIF
  COUNTIFS DATE DATEDIF DATEVALUE DAY DAYS DOLLAR DROP EDATE EOMONTH ERROR.TYPE EXACT EXPAND FILTER FIND
  FIXED FLOOR FORMULATEXT FREQUENCY HLOOKUP HOUR HSTACK HYPERLINK IF IFERROR IFNA IFS INDEX INDIRECT INFO
  INT ISBLANK ISERR ISERROR ISEVEN ISNUMBER ISODD ISTEXT LAMBDA LARGE LEFT LEN LET LOOKUP LOWER MATCH MAX
  MAXIFS MEDIAN MID MIN MINIFS MINUTE MOD MODE MONTH N NA NOT NOW NUMBERVALUE OFFSET OR PERCENTRANK PHONETIC
  PRODUCT PROPER QUARTILE RANK RANK.AVG RANK.EQ REPLACE REPT RIGHT ROUND ROUNDDOWN ROUNDUP ROW ROWS SEARCH
  SECOND SEQUENCE SHEET SHEETS SIGN SMALL SORT SORTBY SUBSTITUTE SUBTOTAL SUM SUMIF SUMIFS SUMPRODUCT
  SWITCH T TAKE TEXT TEXTAFTER TEXTBEFORE TEXTJOIN TEXTSPLIT TIME TOCOL TODAY TOROW TRANSPOSE TRIM TRUNC
  TYPE UNICHAR UNICODE UNIQUE UPPER VALUE VALUETOTEXT VLOOKUP VSTACK WEEKDAY WRAPCOLS WRAPROWS XLOOKUP
  XMATCH XOR YEAR`
    .split(/\s+/)
    .filter(Boolean)
);

/** "XH2", "AB12", "R1C1", "RC": a name Excel would read as a cell reference. */
function isCellLike(name) {
  return /^[A-Z]{1,3}[0-9]+$/i.test(name) || /^R[0-9]*C[0-9]*$/i.test(name);
}

/** Problems of one Vietnamese display name (without the THIDUA. namespace), empty when fine. */
function checkName(name) {
  const problems = [];
  if (typeof name !== "string" || name === "") return ["is empty"];
  if (!/^[A-Z][A-Z0-9_]*$/.test(name))
    problems.push("must be A–Z, 0–9 or _ and start with a letter");
  if ((name.match(/[A-Z]/g) || []).length < 3) problems.push("needs at least 3 letters");
  if (isCellLike(name)) problems.push("looks like a cell reference");
  if (BUILT_INS.has(name.toUpperCase())) problems.push("is a built-in Excel function");
  return problems;
}

/**
 * The Vietnamese metadata for `functionsJson` (the parsed functions.json). Throws, naming every
 * problem at once, if an id or a parameter lacks a translation or a name breaks the rules: a missing
 * word must fail the build, not ship an English tooltip in a Vietnamese Excel.
 */
function buildVietnameseMetadata(functionsJson, table = require(TABLE_PATH)) {
  const problems = [];
  const seen = new Set();
  const functions = (functionsJson.functions || []).map((fn) => {
    const tr = table[fn.id];
    if (!tr) {
      problems.push(`${fn.id}: no Vietnamese translation in functions-vi.table.json`);
      return fn;
    }
    for (const p of checkName(tr.name)) problems.push(`${fn.id}: name "${tr.name}" ${p}`);
    if (seen.has(tr.name)) problems.push(`${fn.id}: name "${tr.name}" is used twice`);
    seen.add(tr.name);
    if (!tr.description) problems.push(`${fn.id}: no Vietnamese description`);
    const out = { ...fn, name: tr.name, description: tr.description || fn.description };
    if (fn.parameters) {
      out.parameters = fn.parameters.map((param) => {
        const pt = tr.parameters && tr.parameters[param.name];
        if (!pt || !pt.name || !pt.description) {
          problems.push(
            `${fn.id}: parameter "${param.name}" has no Vietnamese name and description`
          );
          return param;
        }
        return { ...param, name: pt.name, description: pt.description };
      });
    }
    return out;
  });
  for (const id of Object.keys(table)) {
    if (!functions.some((f) => f.id === id)) problems.push(`${id}: translated but not a function`);
  }
  if (problems.length > 0) {
    throw new Error(`functions-vi.json cannot be built:\n  ${problems.join("\n  ")}`);
  }
  return { ...functionsJson, functions };
}

module.exports = { buildVietnameseMetadata, checkName, isCellLike, BUILT_INS, TABLE_PATH };
