import { teamsHighContrastTheme, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { paneTheme } from "../../src/taskpane/theme";

const media = (matching: string[]) => (query: string) => ({ matches: matching.includes(query) });

describe("the pane's theme follows the host", () => {
  it("takes Office's theme from its body colour: dark grey and black are dark, white and colourful are light", () => {
    expect(paneTheme({ officeBackground: "#262626" })).toBe(webDarkTheme);
    expect(paneTheme({ officeBackground: "#000000" })).toBe(webDarkTheme);
    expect(paneTheme({ officeBackground: "#ffffff" })).toBe(webLightTheme);
    expect(paneTheme({ officeBackground: "#E6E6E6" })).toBe(webLightTheme);
    // Office's colour preference wins over the system's.
    expect(paneTheme({ officeBackground: "#ffffff", matchMedia: media(["(prefers-color-scheme: dark)"]) })).toBe(webLightTheme);
  });

  it("follows the system where Office says nothing, and forced colours before anything", () => {
    expect(paneTheme({ matchMedia: media(["(prefers-color-scheme: dark)"]) })).toBe(webDarkTheme);
    expect(paneTheme({ matchMedia: media([]) })).toBe(webLightTheme);
    expect(paneTheme({})).toBe(webLightTheme);
    expect(paneTheme({ officeBackground: "not a colour", matchMedia: media(["(prefers-color-scheme: dark)"]) })).toBe(
      webDarkTheme,
    );
    expect(paneTheme({ officeBackground: "#262626", matchMedia: media(["(forced-colors: active)"]) })).toBe(
      teamsHighContrastTheme,
    );
  });
});
