import { webLightTheme, type Theme } from "@fluentui/react-components";

/** What the host tells of its look: Office's theme background, and the system's colour preferences. */
export interface HostLook {
  /** `Office.context.officeTheme.bodyBackgroundColor` ("#rrggbb"), where Office gives it. */
  readonly officeBackground?: string;
  /** `window.matchMedia`, where there is one. */
  readonly matchMedia?: (query: string) => { readonly matches: boolean };
}

export type PaneThemeName = "light" | "dark" | "highContrast";

/** Relative luminance of "#rrggbb" (0 black, 1 white); undefined for anything else. */
function luminance(color: string): number | undefined {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color.trim());
  if (!m) return undefined;
  const [r, g, b] = m.slice(1).map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Which theme the pane takes, following the host where it tells: forced colours (Windows high contrast)
 * first, then Office's theme (a dark body is Office's dark or black theme), then the system's dark preference.
 */
export function paneThemeName(look: HostLook): PaneThemeName {
  const media = (query: string) => look.matchMedia?.(query).matches === true;
  if (media("(forced-colors: active)")) return "highContrast";
  const body = look.officeBackground ? luminance(look.officeBackground) : undefined;
  if (body !== undefined) return body < 0.2 ? "dark" : "light";
  return media("(prefers-color-scheme: dark)") ? "dark" : "light";
}

/** The Fluent theme; the dark and high-contrast ones load as a chunk of their own, only when used. */
export async function loadPaneTheme(name: PaneThemeName): Promise<Theme> {
  if (name === "light") return webLightTheme;
  const { teamsHighContrastTheme, webDarkTheme } = await import(/* webpackChunkName: "themes" */ "./dark-themes");
  return name === "dark" ? webDarkTheme : teamsHighContrastTheme;
}
