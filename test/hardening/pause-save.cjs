// Preloaded (`node -r`) into the real command line by the publish tests: the command stops at one
// step of its work until the test lets it go, so the test can change the folders in between.
// PAUSE_AT=read: before the input is read (after --out was checked); PAUSE_AT=temp: before the
// temporary file of the save is created (after the save's own checks). The command creates
// PAUSE_AT's file `<PAUSE_DIR>/paused` when it stops and waits for `<PAUSE_DIR>/go`. Nothing else changes.
"use strict";
const { existsSync, writeFileSync } = require("node:fs");
const path = require("node:path");
const { setTimeout: sleep } = require("node:timers/promises");
const fsp = require("node:fs/promises");

const at = process.env.PAUSE_AT;
const dir = process.env.PAUSE_DIR;
let paused = false;

async function pause() {
  if (paused) return;
  paused = true;
  writeFileSync(path.join(dir, "paused"), "");
  while (!existsSync(path.join(dir, "go"))) await sleep(10);
}

const readFile = fsp.readFile;
fsp.readFile = async function readAfterPause(file, ...rest) {
  if (at === "read") await pause();
  return readFile.call(this, file, ...rest);
};
const open = fsp.open;
fsp.open = async function openAfterPause(file, ...rest) {
  if (at === "temp" && String(file).endsWith(".tmp")) await pause();
  // The input is read through a handle opened "r" (bounded-read.ts); the check's own hold on it opens with flags.
  if (at === "read" && rest[0] === "r") await pause();
  return open.call(this, file, ...rest);
};
