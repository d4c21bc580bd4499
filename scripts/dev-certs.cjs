/**
 * HTTPS for the dev server. Office requires https even on localhost. office-addin-dev-certs
 * installs a trusted localhost certificate on Windows and macOS; where it cannot (Linux, CI),
 * webpack-dev-server's own self-signed certificate is used and the browser must be told to
 * trust https://localhost:3000 once.
 */
async function resolveDevServerOptions() {
  try {
    const devCerts = require("office-addin-dev-certs");
    if (process.platform !== "win32" && process.platform !== "darwin") return { type: "https" };
    const options = await devCerts.getHttpsServerOptions();
    return { type: "https", options: { ca: options.ca, key: options.key, cert: options.cert } };
  } catch {
    return { type: "https" };
  }
}

module.exports = { resolveDevServerOptions };
