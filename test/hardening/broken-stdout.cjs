// Preloaded (`node -r`) into the real command line: writing the result fails as a bug of ours would,
// to see the internal-error path from the outside.
"use strict";
process.stdout.write = () => {
  throw new TypeError("Cannot read properties of undefined (reading 'write')");
};
