// `npm run bench`: compiles the benchmarks with tsc and runs each one (and the .mjs ones). Figures, not pass/fail.
import { execFileSync } from "node:child_process";
import { readdirSync, rmSync } from "node:fs";

rmSync("bench/out", { recursive: true, force: true });
execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "bench/tsconfig.json"], { stdio: "inherit" });
for (const file of readdirSync("bench").filter((f) => f.endsWith(".bench.ts") || f.endsWith(".mjs"))) {
  console.log(`\n# ${file}`);
  const script = file.endsWith(".mjs") ? `bench/${file}` : `bench/out/bench/${file.replace(/\.ts$/, ".js")}`;
  execFileSync(process.execPath, ["--expose-gc", script], { stdio: "inherit" });
}
