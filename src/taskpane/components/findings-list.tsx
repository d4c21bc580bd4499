import * as React from "react";
import { Badge, Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { localize, type Locale } from "../../core/i18n/locale";
import { PANE_MESSAGES } from "../i18n/pane-messages";
import type { Finding, Severity } from "../../core/validate/finding";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: "none" },
  item: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  goTo: { alignSelf: "flex-start", minWidth: 0, padding: 0 },
  apply: { alignSelf: "flex-start" },
});

const SEVERITY_COLOR: Record<Severity, "danger" | "warning" | "informative"> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

/** The findings, each with its cell; clicking the cell selects it in the workbook where the host can. */
export function FindingsList(props: {
  readonly locale: Locale;
  readonly findings: readonly Finding[];
  readonly select?: (sheet: string, cell: string) => Promise<void>;
  /** Applies a finding's safe fix (shown only for findings that have one). */
  readonly apply?: (finding: Finding) => void;
  readonly onError: (error: unknown) => void;
}): React.JSX.Element {
  const { locale, findings, select, apply, onError } = props;
  const styles = useStyles();
  return (
    <ul className={styles.list}>
      {findings.map((f, i) => {
        const where = `${f.sheet}!${f.cell}`;
        return (
          <li key={`${where}:${f.rule}:${i}`} className={styles.item}>
            {select ? (
              <Button
                className={styles.goTo}
                size="small"
                appearance="transparent"
                title={localize(PANE_MESSAGES.goToCell, locale, { cell: where })}
                onClick={() => void select(f.sheet, f.cell).catch(onError)}
              >
                <Badge appearance="tint" color={SEVERITY_COLOR[f.severity]}>
                  {where}
                </Badge>
              </Button>
            ) : (
              <Badge appearance="tint" color={SEVERITY_COLOR[f.severity]}>
                {where}
              </Badge>
            )}
            <Text size={200}>{f.message[locale]}</Text>
            {f.fix && (
              <Text size={200} italic>
                {localize(PANE_MESSAGES.suggestedFix, locale, { fix: f.fix[locale] })}
              </Text>
            )}
            {f.fix && f.replacement && apply && (
              <Button
                className={styles.apply}
                size="small"
                aria-label={`${localize(PANE_MESSAGES.applyFix, locale, { fix: f.fix[locale] })} (${where})`}
                onClick={() => apply(f)}
              >
                {localize(PANE_MESSAGES.applyFix, locale, { fix: f.fix[locale] })}
              </Button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
