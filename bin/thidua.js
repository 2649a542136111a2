#!/usr/bin/env node
// The CLI is compiled by `npm install` (the "prepare" script) into lib/; this shim only starts it.
const path = require("path");
const fs = require("fs");
const entry = path.join(__dirname, "..", "lib", "cli", "main.js");
if (!fs.existsSync(entry)) {
  process.stderr.write(
    "thidua: chưa biên dịch công cụ dòng lệnh, hãy chạy `npm install` (hoặc `npm run build:cli`). / The CLI is not built: run `npm install`.\n"
  );
  process.exit(2);
}
require(entry)
  .main(process.argv.slice(2))
  .then((code) => process.exit(code));
