/*
 * The pane's start-up check: one sentence in the user's language (zh-CN or English) saying which
 * Office or WPS the add-in needs, shown instead of a blank pane when the pane cannot start. Loaded
 * by the pane's page before the bundle, as a file (the pages' policy allows no inline script), and
 * written in ES5 so that it runs where the bundle cannot: Internet Explorer 11 (Trident) and Edge
 * Legacy (EdgeHTML), which older Office on Windows uses; test/bundles/syntax-level.test.ts parses it
 * as ES5. The build writes the sentence for its program (office or wps) from
 * src/taskpane/i18n/startup-messages.ts in place of STARTUP_MESSAGE below.
 *
 * The sentence shows when
 * - the browser lacks ES2021's built-ins (the bundle's level: webpack.base.cjs), or
 * - a script or one of its files fails to load, or the page's own script fails (an error event from its origin, a
 *   rejected promise), before the pane is drawn, or
 * - the pane is not drawn 20 seconds after the page started;
 * and goes away if the pane is drawn after all.
 */
(function () {
  var MESSAGE = /* STARTUP_MESSAGE */ { "zh-CN": "", en: "" };
  var WAIT_MS = 20000;
  var shown = null;

  function paneDrawn() {
    var container = document.getElementById("container");
    return !!(container && container.firstChild);
  }

  // WPS's interface language first, as the pane reads it (wpsLanguageTag: msoLanguageIDUI, the Chinese LCIDs),
  // then the browser's.
  function wpsLanguage() {
    try {
      var app = window.Application;
      var lcid = app && app.LanguageSettings ? app.LanguageSettings.LanguageID(2) : 0;
      if (typeof lcid === "number" && lcid > 0) {
        return lcid === 2052 || lcid === 1028 || lcid === 3076 || lcid === 4100 || lcid === 5124 ? "zh-CN" : "en";
      }
    } catch (_notWps) {
      // not WPS, or not on this build
    }
    return null;
  }

  function language() {
    var wps = wpsLanguage();
    if (wps) return wps;
    var tag = String(navigator.language || navigator.userLanguage || "").toLowerCase();
    return tag.indexOf("zh") === 0 ? "zh-CN" : "en";
  }

  function show() {
    if (shown || paneDrawn()) return;
    if (!document.body) {
      document.addEventListener("DOMContentLoaded", show);
      return;
    }
    var locale = language();
    shown = document.createElement("p");
    shown.id = "startup-failure";
    shown.setAttribute("role", "alert");
    shown.setAttribute("lang", locale);
    shown.style.margin = "16px";
    shown.style.fontFamily = "'Segoe UI', 'Microsoft YaHei', 'PingFang SC', sans-serif";
    shown.style.fontSize = "14px";
    shown.style.lineHeight = "1.5";
    shown.appendChild(document.createTextNode(MESSAGE[locale]));
    document.body.insertBefore(shown, document.body.firstChild);
  }

  function es2021BuiltIns() {
    return (
      typeof Promise !== "undefined" &&
      typeof Promise.any === "function" &&
      typeof WeakRef === "function" &&
      typeof String.prototype.replaceAll === "function"
    );
  }

  if (!es2021BuiltIns()) show();
  // Capturing: a script or chunk that fails to load raises its error on the element, which does not bubble.
  // A script or chunk that failed to load (any origin: the pane cannot start without Office.js either), or an
  // error thrown by the page's own scripts; an error inside another origin's script (Office.js's own telemetry, say)
  // does not stop the pane and shows nothing.
  function fatal(event) {
    var target = event.target;
    if (target && target !== window && target.tagName === "SCRIPT") return true;
    var file = String(event.filename || "");
    var origin = window.location.protocol + "//" + window.location.host;
    // Another origin's error comes without its file ("Script error."), so a file of this origin or folder is ours.
    return file.indexOf(origin + "/") === 0 || file.indexOf("file:") === 0;
  }
  window.addEventListener(
    "error",
    function (event) {
      if (!paneDrawn() && fatal(event)) show();
    },
    true
  );
  window.addEventListener("unhandledrejection", function () {
    if (!paneDrawn()) show();
  });

  var started = new Date().getTime();
  var timer = setInterval(function () {
    if (paneDrawn()) {
      if (shown && shown.parentNode) shown.parentNode.removeChild(shown);
      shown = null;
      clearInterval(timer);
    } else if (new Date().getTime() - started >= WAIT_MS) {
      show();
    }
  }, 250);
})();
