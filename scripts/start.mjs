// `npm start`: build, serve the add-in on https://localhost:3000 and sideload it where Office can
// be driven from here. Office desktop exists only on Windows and macOS: elsewhere this serves the
// add-in and prints how to load it into Excel on the web.
import { spawn } from "node:child_process";
import { platform } from "node:os";

const isDesktopOffice = platform() === "win32" || platform() === "darwin";
const npx = platform() === "win32" ? "npx.cmd" : "npx";

function run(args) {
  const child = spawn(npx, args, { stdio: "inherit" });
  child.on("exit", (code) => process.exit(code ?? 0));
  return child;
}

if (isDesktopOffice) {
  // Starts the dev server, installs the localhost certificate and sideloads manifest.xml.
  run(["office-addin-debugging", "start", "manifest.xml"]);
} else {
  console.log(
    [
      "Sales Team Playbook / 销售团队业绩提升",
      "",
      "Excel desktop is not available on this system, so nothing is sideloaded automatically.",
      "本系统没有 Excel 桌面版，不会自动加载插件。",
      "",
      "Serving the add-in at https://localhost:3000/taskpane.html (Ctrl+C to stop). To try it:",
      "正在 https://localhost:3000/taskpane.html 提供插件（Ctrl+C 停止）。试用方法：",
      "  1. Open https://localhost:3000/taskpane.html once in this browser and accept the certificate.",
      "     在浏览器中打开上述地址一次并信任证书。",
      "  2. Excel on the web: Home > Add-ins > More Add-ins > My Add-ins > Upload My Add-in > manifest.xml",
      "     Excel 网页版：开始 > 加载项 > 更多加载项 > 我的加载项 > 上传我的加载项 > 选择 manifest.xml",
      "",
    ].join("\n"),
  );
  run(["webpack", "serve", "--mode", "development"]);
}
