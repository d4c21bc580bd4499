// `npm start`: build, serve the add-in on https://localhost:3000 and sideload it where Office can
// be driven from here. Office desktop exists only on Windows and macOS: elsewhere this builds and
// serves the browser workbench (the same task pane beside a spreadsheet that runs in the page) and
// says how to load the add-in into Excel on the web instead.
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
      "Excel desktop is not available on this system: starting the browser workbench instead.",
      "本系统没有 Excel 桌面版：改为启动浏览器工作台。",
      "For Excel on the web, run `npm run dev-server` and upload manifest.xml (Home > Add-ins > Upload My Add-in).",
      "如需在 Excel 网页版中使用：运行 `npm run dev-server`，再上传 manifest.xml（开始 > 加载项 > 上传我的加载项）。",
      "",
    ].join("\n"),
  );
  const child = spawn(process.execPath, ["scripts/workbench.mjs"], { stdio: "inherit" });
  child.on("exit", (code) => process.exit(code ?? 0));
}
