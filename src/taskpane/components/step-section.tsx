import * as React from "react";
import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column" },
  heading: { margin: 0 },
  toggle: {
    width: "100%",
    justifyContent: "flex-start",
    textAlign: "start",
    fontWeight: tokens.fontWeightSemibold,
    paddingLeft: tokens.spacingHorizontalXS,
  },
  current: { color: tokens.colorBrandForeground1 },
  chevron: { display: "inline-block", width: "1em", transitionProperty: "transform", transitionDuration: "0.1s" },
  chevronOpen: { transform: "rotate(90deg)" },
  body: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, paddingTop: tokens.spacingVerticalXS },
  // The `hidden` attribute alone loses to the flex display above.
  hidden: { display: "none" },
});

export interface StepSectionProps {
  /** The section's id, for its heading's and region's ids. */
  readonly id: string;
  readonly title: string;
  readonly open: boolean;
  readonly onToggle: () => void;
  /** A button pressed inside: the section is in use. */
  readonly onUse?: () => void;
  readonly children: React.ReactNode;
}

/**
 * One step of the pane: a heading whose button shows or hides the step's cards (a disclosure: aria-expanded,
 * aria-controls). The cards mount when the step is first opened (so their chunks load then) and stay mounted
 * while hidden, so a result shown in a step is still there when the step is opened again.
 */
export function StepSection({ id, title, open, onToggle, onUse, children }: StepSectionProps): React.JSX.Element {
  const styles = useStyles();
  const [opened, setOpened] = React.useState(open);
  if (open && !opened) setOpened(true);
  const region = `${id}-cards`;
  return (
    <section className={styles.section} aria-labelledby={`${id}-title`}>
      <h2 className={styles.heading}>
        <Button
          id={`${id}-title`}
          appearance="subtle"
          className={mergeClasses(styles.toggle, open && styles.current)}
          aria-expanded={open}
          aria-controls={region}
          onClick={onToggle}
          icon={
            <span aria-hidden="true" className={mergeClasses(styles.chevron, open && styles.chevronOpen)}>
              ›
            </span>
          }
        >
          {title}
        </Button>
      </h2>
      <div
        id={region}
        className={mergeClasses(styles.body, !open && styles.hidden)}
        hidden={!open}
        onClickCapture={(event) => {
          if ((event.target as Element).closest?.("button")) onUse?.();
        }}
      >
        {opened && children}
      </div>
    </section>
  );
}
