// Developer aid: print every non-empty cell of a workbook with its bold/font/indent marks, to see how an
// office laid out a score sheet. `node scripts/dump-xlsx.js file.xlsx [more.xlsx]`
const ExcelJS = require("exceljs");

function describe(cell) {
  let v = cell.value;
  if (v && typeof v === "object") v = JSON.stringify(v);
  const font = cell.font || {};
  const marks = [
    font.bold ? "[b]" : "",
    font.name && font.name !== "Times New Roman" ? `[${font.name}]` : "",
    cell.alignment && cell.alignment.indent ? `[i${cell.alignment.indent}]` : "",
  ];
  return `${cell.address}=${v}${marks.join("")}`;
}

(async () => {
  for (const file of process.argv.slice(2)) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    for (const ws of wb.worksheets) {
      console.log(`### ${file} :: ${ws.name} merges ${JSON.stringify(ws.model.merges)}`);
      ws.eachRow({ includeEmpty: false }, (row) => {
        const cells = [];
        row.eachCell({ includeEmpty: false }, (c) => cells.push(describe(c)));
        console.log(cells.join(" | "));
      });
    }
  }
})();
