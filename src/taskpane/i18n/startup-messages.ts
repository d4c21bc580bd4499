import type { Bilingual } from "../../core/i18n/locale";

/**
 * The one sentence a pane shows when it cannot start (an unsupported webview, a script error, not
 * started in time): which Office or WPS it needs (README "Supported versions"). Shown by
 * src/taskpane/startup-check.js, an ES5 script that runs before the bundle and into which the build
 * writes these texts (webpack.base.cjs), so it is the only text of the pane that is not bundled.
 * Plain text: no placeholders.
 */
export const STARTUP_MESSAGES = {
  office: {
    "zh-CN":
      "销售团队业绩提升插件无法在此 Office 中启动：需要 Microsoft 365 或 Office 2021 及更高版本（Windows 上使用 WebView2）、Mac 版 Office（Safari 16.4 及以上），或网页版 Office。",
    en: "The Sales Team Playbook add-in cannot start in this Office: it needs Microsoft 365 or Office 2021 or later (WebView2 on Windows), Office for Mac with Safari 16.4 or later, or Office on the web.",
  },
  wps: {
    "zh-CN":
      "销售团队业绩提升插件无法在此 WPS 中启动：需要加载项内核为 Chromium 87 及以上的 WPS Office（Windows 或 Linux），请将 WPS 更新到最新版本。",
    en: "The Sales Team Playbook add-in cannot start in this WPS: it needs a WPS Office for Windows or Linux whose add-ins run on Chromium 87 or later; please update WPS to its latest version.",
  },
} as const satisfies Record<string, Bilingual>;
