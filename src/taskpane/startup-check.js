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
 * - a script or one of its files fails (an error event, a rejected promise) before the pane is drawn, or
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

  function language() {
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
  window.addEventListener(
    "error",
    function () {
      if (!paneDrawn()) show();
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
