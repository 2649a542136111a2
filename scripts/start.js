// `npm start`: the development server (scripts/dev-server.js) plus what to open and how to load the
// add-in into Excel, in Vietnamese and English. The server listens long before the first build ends:
// say "compiling" at once and print the address only when the page can really be used.
const { serve } = require("./dev-server");

let ready = false;
let address = null;

function banner({ url, hasPlayground }) {
  const page = hasPlayground ? "playground.html" : "taskpane.html";
  return [
    "",
    "THIDUA đã sẵn sàng / is ready",
    `  Thử trong trình duyệt / Try in a browser: ${url}${page}`,
    "  Nạp vào Excel / Load into Excel:",
    "    - Excel trên máy tính / desktop (Windows, Mac): npm run sideload",
    "    - Excel trên web / on the web: Chèn → Bổ trợ → Tải lên bổ trợ của tôi → manifest.xml",
    "      (Insert → Add-ins → Upload My Add-in → manifest.xml)",
    "  Dừng / Stop: npm stop",
    "",
  ].join("\n");
}

let firstBuild = null;

function compiled({ ms, failed }) {
  const s = (ms / 1000).toFixed(1).replace(".", ",");
  if (failed) {
    console.log(`Biên dịch lỗi sau ${s} s (xem ở trên) / Build failed after ${s} s (see above).`);
    return;
  }
  if (!ready && address) {
    ready = true;
    console.log(`Đã biên dịch trong ${s} s / compiled in ${s} s.`);
    console.log(banner(address));
  } else if (!address) firstBuild = { ms, failed };
  else console.log(`Đã biên dịch lại trong ${s} s / recompiled in ${s} s.`);
}

console.log(
  "THIDUA: đang biên dịch… / compiling… (lần đầu khoảng 1 phút / about a minute the first time)"
);
serve({ onCompiled: compiled })
  .then((info) => {
    address = info;
    if (firstBuild) compiled(firstBuild);
  })
  .catch((err) => {
    console.error(err && err.message ? err.message : err);
    process.exit(1);
  });
