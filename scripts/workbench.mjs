// `npm run workbench`: builds the browser workbench (the task pane beside Univer's spreadsheet) and
// serves it on this machine, on any system. `--no-build` serves the last build as it is.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { platform } from "node:os";
import { fileURLToPath, URL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = path.join(root, "dist", "workbench");
const port = Number(process.env.WORKBENCH_PORT || 3001);
const npx = platform() === "win32" ? "npx.cmd" : "npx";

if (!process.argv.includes("--no-build") || !existsSync(path.join(dist, "index.html"))) {
  console.log("Building the workbench (a few minutes the first time) / 正在构建工作台（首次需要几分钟）…");
  const built = spawnSync(npx, ["webpack", "--mode", "production", "--env", "workbench"], {
    cwd: root,
    stdio: "inherit",
    shell: platform() === "win32",
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

const server = createServer((request, response) => {
  let name = decodeURIComponent(new URL(request.url ?? "/", "http://local").pathname);
  if (name.endsWith("/")) name += "index.html";
  const file = path.join(dist, path.normalize(name));
  if (!file.startsWith(dist + path.sep) || !existsSync(file)) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
  response.end(readFileSync(file));
});

server.listen(port, "127.0.0.1", () => {
  const url = `http://localhost:${port}/`;
  console.log(
    [
      "",
      "Sales Team Playbook workbench / 销售团队业绩提升 · 工作台",
      `  ${url}            中文`,
      `  ${url}?lang=en    English`,
      "Open it in a browser; Ctrl+C stops it. 在浏览器中打开上面的地址；按 Ctrl+C 停止。",
      "",
    ].join("\n"),
  );
});
