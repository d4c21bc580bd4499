/**
 * The WPS package's two archives of the add-in folder (webpack.wps.cjs writes them to dist/wps):
 *
 *   <folder>.7z   what WPS's own tooling makes: `wpsjs build` runs 7-Zip's `a` on the `<name>_<version>`
 *                 folder (wpsjs 2.2.3, src/lib/build.js: node-7z with 7zip-bin's 7za), its publish page
 *                 accepts the download only if the file starts with "7z", and jsplugins.xml names it
 *   <folder>.zip  the same folder, for people unpacking it by hand where no 7-Zip is installed
 *
 * Both hold the folder itself (`sales-playbook_0.1.0/index.html`, ...), so either unpacks straight into
 * jsaddons. 7-Zip is 7z-wasm (7-Zip 24.09 compiled to WebAssembly: no binary per platform, nothing to
 * install; used here at build time only, never shipped). The files are staged in memory with one fixed date
 * and mode, so the same files give the same bytes on every machine and run (test/wps-package/archives.test.ts
 * packs dist's folder again and compares).
 */
const SevenZip = require("7z-wasm");
const JSZip = require("jszip");

/** Every entry's modification time: not the build's, so an unchanged folder packs to the same bytes. */
const ARCHIVE_DATE = new Date(Date.UTC(2026, 0, 1));

/** The folders under the top one that the files need ("images" for "images/icon-16.png"), parents first. */
function subfolders(names) {
  const folders = new Set();
  for (const name of names) {
    const parts = name.split("/");
    for (let i = 1; i < parts.length; i++) folders.add(parts.slice(0, i).join("/"));
  }
  return [...folders].sort();
}

/** `files`: [path inside the folder with "/" separators, bytes], in any order. */
function sorted(files) {
  return [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The `.7z` of `folder` holding `files`, made as `wpsjs build` makes it: `7z a <archive> <folder>`, 7-Zip's defaults (LZMA2). */
async function sevenZipFolder(folder, files) {
  const log = [];
  const sevenZip = await SevenZip({ print: (line) => log.push(line), printErr: (line) => log.push(line) });
  const { FS } = sevenZip;
  const time = ARCHIVE_DATE.getTime();
  const entries = sorted(files);
  const folders = [folder, ...subfolders(entries.map(([name]) => name)).map((sub) => `${folder}/${sub}`)];
  FS.mkdir("/stage");
  for (const dir of folders) FS.mkdir(`/stage/${dir}`, 0o755);
  for (const [name, bytes] of entries) {
    const file = `/stage/${folder}/${name}`;
    FS.writeFile(file, bytes);
    FS.chmod(file, 0o644);
    FS.utime(file, time, time);
  }
  // After the files: writing into a folder moves its time.
  for (const dir of folders) FS.utime(`/stage/${dir}`, time, time);
  FS.chdir("/stage");
  let status;
  try {
    // One thread, so the LZMA2 stream does not depend on the machine's cores.
    status = sevenZip.callMain(["a", "-t7z", "-mmt=1", "/out.7z", folder]);
  } catch (error) {
    status = error;
  }
  if (status !== 0) throw new Error(`7-Zip could not pack ${folder} (${String(status)}):\n${log.join("\n")}`);
  return Buffer.from(FS.readFile("/out.7z"));
}

/** The `.zip` of `folder` holding `files`: its folders as entries of their own, every entry dated ARCHIVE_DATE. */
async function zipFolder(folder, files) {
  const zip = new JSZip();
  const entries = sorted(files);
  // JSZip would date the folders it adds itself with the current time.
  for (const sub of ["", ...subfolders(entries.map(([name]) => name))]) {
    zip.file(`${folder}/${sub}`.replace(/\/?$/, "/"), null, { dir: true, date: ARCHIVE_DATE });
  }
  for (const [name, bytes] of entries) zip.file(`${folder}/${name}`, bytes, { date: ARCHIVE_DATE });
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

module.exports = { sevenZipFolder, zipFolder, ARCHIVE_DATE };
