const Sequencer = require("@jest/test-sequencer").default;

/**
 * The suites that take the longest, started first: on a fresh clone jest knows no durations and orders
 * suites by file size, which left the xlsx preservation property (a small file, a minute of work) to run
 * alone at the end while the other worker sat idle. Later runs add jest's own timings to this order.
 */
const SLOW_FIRST = [
  "test/e2e/workbench.e2e.test.ts",
  "test/preservation/xlsx.preservation.test.ts",
  "test/bench/bench.test.ts",
  "test/libreoffice/libreoffice.test.ts",
  "test/hosts/univer/workbench-file.test.ts",
  "test/libreoffice/biff8-reader.test.ts",
  "test/cli/json-output.test.ts",
  "test/preservation/memory.preservation.test.ts",
  "test/exports/market-exports.test.ts",
  "test/exports/exports.test.ts",
];

class SlowFirstSequencer extends Sequencer {
  async sort(tests) {
    const rank = (test) => {
      const at = SLOW_FIRST.findIndex((suite) => test.path.replace(/\\/g, "/").endsWith(suite));
      return at < 0 ? SLOW_FIRST.length : at;
    };
    const byJest = await super.sort(tests);
    const position = new Map(byJest.map((test, i) => [test, i]));
    return [...byJest].sort((a, b) => rank(a) - rank(b) || position.get(a) - position.get(b));
  }
}

module.exports = SlowFirstSequencer;
