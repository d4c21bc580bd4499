import { FakeEt } from "../hosts/wps/fake-et";

/**
 * The fake ET (test/hosts/wps/fake-et.ts: WPS cannot run here) as a page script: `window.Application`
 * for the WPS pane to find, and the fake itself for the test to read the workbook back.
 * old-webview.test.ts builds it for the WPS package's browsers and adds it before the page's scripts.
 */
const fake = new FakeEt();
Object.assign(window, { Application: fake.application, __fakeEt: fake });
