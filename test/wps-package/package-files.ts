import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/** Where `npm run build` writes the WPS package (webpack.wps.cjs), for the suites of test/wps-package. */
const { version } = JSON.parse(readFileSync(path.resolve(__dirname, "../../package.json"), "utf8")) as { version: string };
export { version };
export const FOLDER = `sales-playbook_${version}`;
export const WPS_OUT = path.resolve(__dirname, "../../dist/wps");
export const PACKAGE_DIR = path.join(WPS_OUT, FOLDER);

/** Every file under `dir`, as paths inside it with "/" separators. */
export function filesOf(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesOf(full).map((f) => `${name}/${f}`) : [name];
  });
}
