import { teamsHighContrastTheme, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { loadPaneTheme, paneThemeName } from "../../src/taskpane/theme";

const media = (matching: string[]) => (query: string) => ({ matches: matching.includes(query) });

describe("the pane's theme follows the host", () => {
  it("takes Office's theme from its body colour: dark grey and black are dark, white and light grey are light", () => {
    expect(paneThemeName({ officeBackground: "#262626" })).toBe("dark");
    expect(paneThemeName({ officeBackground: "#000000" })).toBe("dark");
    expect(paneThemeName({ officeBackground: "#ffffff" })).toBe("light");
    expect(paneThemeName({ officeBackground: "#E6E6E6" })).toBe("light");
    // Office's colour wins over the system's preference.
    expect(paneThemeName({ officeBackground: "#ffffff", matchMedia: media(["(prefers-color-scheme: dark)"]) })).toBe("light");
  });

  it("follows the system where Office says nothing, and forced colours before anything", () => {
    expect(paneThemeName({ matchMedia: media(["(prefers-color-scheme: dark)"]) })).toBe("dark");
    expect(paneThemeName({ matchMedia: media([]) })).toBe("light");
    expect(paneThemeName({})).toBe("light");
    expect(paneThemeName({ officeBackground: "not a colour", matchMedia: media(["(prefers-color-scheme: dark)"]) })).toBe("dark");
    expect(paneThemeName({ officeBackground: "#262626", matchMedia: media(["(forced-colors: active)"]) })).toBe("highContrast");
  });

  it("loads Fluent's theme for each", async () => {
    expect(await loadPaneTheme("light")).toBe(webLightTheme);
    expect(await loadPaneTheme("dark")).toBe(webDarkTheme);
    expect(await loadPaneTheme("highContrast")).toBe(teamsHighContrastTheme);
  });
});
