// `npm stop`: ends the development server started by `npm start` / `npm run dev-server`, by the PID it
// wrote, and nothing else.
const fs = require("fs");
const { PID_FILE } = require("./dev-server");

function stop() {
  let pid;
  try {
    pid = Number(fs.readFileSync(PID_FILE, "utf8").trim());
  } catch {
    console.log("Không có máy chủ phát triển nào đang chạy. / No development server is running.");
    return 0;
  }
  try {
    process.kill(pid, "SIGTERM");
    console.log(`Đã dừng máy chủ phát triển (PID ${pid}). / Stopped the development server.`);
  } catch (err) {
    if (err.code !== "ESRCH") throw err;
    console.log(
      "Máy chủ phát triển đã dừng từ trước. / The development server had already stopped."
    );
  }
  fs.rmSync(PID_FILE, { force: true });
  return 0;
}

process.exitCode = stop();
