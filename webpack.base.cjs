/**
 * What the three builds (the Office add-in, the WPS package, the workbench) share: TypeScript is
 * only transpiled here (ts-loader's transpileOnly, one file at a time, which tsconfig's
 * isolatedModules makes safe); types are checked once, by `npm run typecheck` (tsc), not once per
 * build.
 */
const typescriptRule = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: { loader: "ts-loader", options: { transpileOnly: true } },
};

/** A build's common part: its name, source maps in development, TypeScript, and its size budget (bytes). */
function baseConfig({ name, dev, sizeBudget }) {
  return {
    name,
    devtool: dev ? "source-map" : false,
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: { rules: [typescriptRule] },
    performance: { maxAssetSize: sizeBudget, maxEntrypointSize: sizeBudget, hints: dev ? false : "error" },
  };
}

module.exports = { baseConfig, typescriptRule };
