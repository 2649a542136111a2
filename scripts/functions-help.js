// help.html: the "Hàm / Functions" section of README.md as a page the add-in serves itself, so the
// help link Excel shows beside each THIDUA.* function (functions.json's helpUrl) opens something real
// on the deployment's own server, without the network and in step with the README the user reads.
// Called by webpack (FunctionsHelpPlugin) and by test/build; CommonJS so both can require it.
// A small Markdown reader on purpose: the README section uses headings, paragraphs, lists, tables,
// `code`, **bold** and links, and pulling a Markdown library into the build for that is not worth it.
const fs = require("fs");
const path = require("path");

const README_PATH = path.join(__dirname, "..", "README.md");
/** The README heading that opens the functions section ("## Hàm / Functions"). */
const SECTION_HEADING = /^##\s+Hàm\s*\/\s*Functions\s*$/;

/** "TOTAL" → "thidua-total": the anchor of a function's section in help.html. */
function helpAnchor(id) {
  return `thidua-${String(id).toLowerCase()}`;
}

/** A heading's anchor: "THIDUA.TOTAL" → "thidua-total"; other headings by their words. */
function slug(text) {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/gi, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

function escapeHtml(s) {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/**
 * Inline Markdown: `code` (its content literal: held aside under private-use marks meanwhile, so ** or [
 * inside it stays text), **bold** and [links](url).
 */
function inline(text) {
  const codes = [];
  const held = text.replace(/`([^`]*)`/g, (_m, code) => {
    codes.push(`<code>${escapeHtml(code)}</code>`);
    return `\ue000${codes.length - 1}\ue001`;
  });
  return escapeHtml(held)
    .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_m, label, url) =>
      // Only web links: a relative link into the repository means nothing on the add-in's server.
      /^https?:\/\//.test(url) ? `<a href="${url}">${label}</a>` : label
    )
    .replace(/\ue000(\d+)\ue001/g, (_m, i) => codes[Number(i)]);
}

function tableCells(line) {
  return line
    .trim()
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split("|")
    .map((c) => c.trim());
}

/** The README's functions section: from its heading to the next "## " heading (exclusive). */
function extractFunctionsSection(readme) {
  const lines = readme.split(/\r?\n/);
  const start = lines.findIndex((l) => SECTION_HEADING.test(l));
  if (start < 0) throw new Error('README.md has no "## Hàm / Functions" section');
  let end = lines.findIndex((l, i) => i > start && /^##\s/.test(l));
  if (end < 0) end = lines.length;
  return lines.slice(start, end).join("\n");
}

/** Markdown (the subset the README uses) to HTML; headings get ids so help links can point at them. */
function markdownToHtml(md) {
  const lines = md.split(/\r?\n/);
  const out = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim() === "") {
      i++;
      continue;
    }
    const heading = /^(#{2,4})\s+(.*)$/.exec(line);
    if (heading) {
      const level = heading[1].length;
      const text = heading[2].trim();
      out.push(`<h${level} id="${slug(text)}">${inline(text)}</h${level}>`);
      i++;
      continue;
    }
    if (line.startsWith("```")) {
      const body = [];
      i++;
      while (i < lines.length && !lines[i].startsWith("```")) body.push(lines[i++]);
      i++;
      out.push(`<pre><code>${escapeHtml(body.join("\n"))}</code></pre>`);
      continue;
    }
    if (/^\s*\|/.test(line)) {
      const rows = [];
      while (i < lines.length && /^\s*\|/.test(lines[i])) rows.push(lines[i++]);
      const isRule = (r) => /^\s*\|[\s:|-]+\|\s*$/.test(r);
      const head = rows.length > 1 && isRule(rows[1]) ? tableCells(rows[0]) : null;
      const body = rows.slice(head ? 2 : 0).filter((r) => !isRule(r));
      const th = head && head.some((c) => c !== "") ? head : null;
      out.push(
        "<table>" +
          (th ? `<thead><tr>${th.map((c) => `<th>${inline(c)}</th>`).join("")}</tr></thead>` : "") +
          `<tbody>${body
            .map(
              (r) =>
                `<tr>${tableCells(r)
                  .map((c) => `<td>${inline(c)}</td>`)
                  .join("")}</tr>`
            )
            .join("")}</tbody></table>`
      );
      continue;
    }
    if (/^\s*[-*]\s+/.test(line)) {
      const items = [];
      while (i < lines.length && lines[i].trim() !== "" && !/^#{2,4}\s/.test(lines[i])) {
        if (/^\s*[-*]\s+/.test(lines[i])) items.push(lines[i].replace(/^\s*[-*]\s+/, ""));
        else items[items.length - 1] += " " + lines[i].trim(); // a wrapped item continues
        i++;
      }
      out.push(`<ul>${items.map((t) => `<li>${inline(t)}</li>`).join("")}</ul>`);
      continue;
    }
    if (/^!\[/.test(line)) {
      i++; // screenshots live in the repository, not on the add-in's server
      continue;
    }
    const para = [];
    while (
      i < lines.length &&
      lines[i].trim() !== "" &&
      !/^(#{2,4}\s|```|\s*\||\s*[-*]\s)/.test(lines[i])
    )
      para.push(lines[i++].trim());
    out.push(`<p>${inline(para.join(" "))}</p>`);
  }
  return out.join("\n");
}

/**
 * The whole help page from README.md's text. With `ids` (the functions.json ids), throws naming every
 * function that has no section: a help link to a missing anchor must fail the build, not ship.
 */
function buildHelpPage(readme, ids = []) {
  const body = markdownToHtml(extractFunctionsSection(readme));
  const missing = ids.filter((id) => !body.includes(` id="${helpAnchor(id)}"`));
  if (missing.length > 0) {
    throw new Error(
      `help.html cannot be built: README.md has no "### THIDUA.<ID>" section for ${missing.join(", ")}`
    );
  }
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>THIDUA – Hàm / Functions</title>
<style>
body { font-family: "Segoe UI", Arial, sans-serif; font-size: 14px; line-height: 1.5; margin: 16px; max-width: 900px; color: #242424; }
h2 { border-bottom: 1px solid #d1d1d1; padding-bottom: 4px; margin-top: 28px; }
code { background: #f3f3f3; padding: 0 3px; border-radius: 3px; }
pre { background: #f3f3f3; padding: 8px; overflow-x: auto; }
table { border-collapse: collapse; margin: 8px 0; }
td, th { border: 1px solid #d1d1d1; padding: 3px 6px; text-align: left; vertical-align: top; }
:target { background: #fff4ce; }
</style>
</head>
<body>
${body}
</body>
</html>
`;
}

function readReadme(file = README_PATH) {
  return fs.readFileSync(file, "utf8");
}

module.exports = {
  buildHelpPage,
  extractFunctionsSection,
  markdownToHtml,
  helpAnchor,
  slug,
  readReadme,
  README_PATH,
};
