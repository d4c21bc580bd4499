// Preloaded (`node -r`) into the real command line by the kill test: writes to our temporary files go
// out in small, spaced chunks, so a kill lands while the file is half written. Nothing else changes.
"use strict";
const { setTimeout: sleep } = require("node:timers/promises");
const fsp = require("node:fs/promises");
const open = fsp.open;
fsp.open = async function openSlowly(file, ...rest) {
  const handle = await open.call(this, file, ...rest);
  if (String(file).endsWith(".tmp")) {
    handle.writeFile = async (bytes) => {
      for (let at = 0; at < bytes.length; at += 8192) {
        await handle.write(bytes.subarray(at, at + 8192));
        await sleep(5);
      }
    };
  }
  return handle;
};
