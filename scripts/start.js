// `npm start`: the development server (scripts/dev-server.js) plus what to open and how to load the
// add-in into Excel, in Vietnamese and English.
const { serve } = require("./dev-server");

serve()
  .then(({ url, hasPlayground }) => {
    const page = hasPlayground ? "playground.html" : "taskpane.html";
    const lines = [
      "",
      "THIDUA đang chạy / is running",
      `  Thử trong trình duyệt / Try in a browser: ${url}${page}`,
      "  Nạp vào Excel / Load into Excel:",
      "    - Excel trên máy tính / desktop (Windows, Mac): npm run sideload",
      "    - Excel trên web / on the web: Chèn → Bổ trợ → Tải lên bổ trợ của tôi → manifest.xml",
      "      (Insert → Add-ins → Upload My Add-in → manifest.xml)",
      "  Dừng / Stop: npm stop",
      "",
    ];
    console.log(lines.join("\n"));
  })
  .catch((err) => {
    console.error(err && err.message ? err.message : err);
    process.exit(1);
  });
