// `npm run bench`: compiles the benchmarks with tsc and runs each one. Figures, not pass/fail.
import { execFileSync } from "node:child_process";
import { readdirSync, rmSync } from "node:fs";

rmSync("bench/out", { recursive: true, force: true });
execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "bench/tsconfig.json"], { stdio: "inherit" });
for (const file of readdirSync("bench").filter((f) => f.endsWith(".bench.ts"))) {
  console.log(`\n# ${file}`);
  execFileSync(process.execPath, ["--expose-gc", `bench/out/bench/${file.replace(/\.ts$/, ".js")}`], { stdio: "inherit" });
}
