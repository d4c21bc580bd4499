import * as React from "react";
import { Button, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import type { DataColumns } from "../../app/data-columns";
import { localize, type Locale } from "../../core/i18n/locale";
import { PANE_MESSAGES } from "../i18n/pane-messages";
import type { TaskpaneActions } from "../taskpane-actions";
import { ActionProgress, type ActionState } from "./action-state";
import { errorText } from "./error-text";

/** The layout the data panels share (the column mapping and the status classes): fields in a column, save below. */
export const useDataPanelStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  save: { alignSelf: "flex-start" },
});

/**
 * The data sheets' columns, read once when a panel opens; `adopt` takes what the panel starts from (the
 * remembered choices). `columns` is undefined while reading, and `loadError` says why a read failed.
 */
export function useDataColumns(
  actions: TaskpaneActions,
  locale: Locale,
  adopt: (columns: DataColumns) => void,
): {
  readonly columns: DataColumns | undefined;
  readonly setColumns: (columns: DataColumns) => void;
  readonly loadError: string | undefined;
} {
  const [columns, setColumns] = React.useState<DataColumns | undefined>(undefined);
  const [loadError, setLoadError] = React.useState<string | undefined>(undefined);
  React.useEffect(() => {
    let live = true;
    actions.readDataColumns().then(
      (c) => {
        if (!live) return;
        setColumns(c);
        adopt(c);
      },
      (error: unknown) => live && setLoadError(errorText(error, locale)),
    );
    return () => {
      live = false;
    };
    // Read once, when the panel opens.
  }, []);
  return { columns, setColumns, loadError };
}

/** What a data panel shows before its columns are in: the reading step, or why they could not be read. */
export function DataColumnsPending({ loadError, locale }: { loadError: string | undefined; locale: Locale }): React.JSX.Element {
  return loadError ? (
    <MessageBar intent="error">
      <MessageBarBody>{loadError}</MessageBarBody>
    </MessageBar>
  ) : (
    <Spinner size="tiny" label={localize(PANE_MESSAGES.stepReading, locale)} />
  );
}

/** A data panel's save button, its progress and the sentence it saved, which takes the focus. */
export function DataPanelSave({
  label,
  onSave,
  state,
  locale,
  resultRef,
}: {
  readonly label: string;
  readonly onSave: () => void;
  readonly state: ActionState<string>;
  readonly locale: Locale;
  readonly resultRef: React.RefObject<HTMLDivElement>;
}): React.JSX.Element {
  const styles = useDataPanelStyles();
  return (
    <>
      <Button className={styles.save} onClick={onSave} disabled={state.kind === "working"}>
        {label}
      </Button>
      <ActionProgress state={state} locale={locale} resultRef={resultRef} />
      {state.kind === "done" && (
        <div ref={resultRef} tabIndex={-1}>
          <MessageBar intent="success">
            <MessageBarBody>{state.value}</MessageBarBody>
          </MessageBar>
        </div>
      )}
    </>
  );
}
