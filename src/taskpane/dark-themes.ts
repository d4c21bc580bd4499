// The themes only some users need, kept out of the pane's first chunk (see theme.ts).
export { teamsHighContrastTheme, webDarkTheme } from "@fluentui/react-components";
