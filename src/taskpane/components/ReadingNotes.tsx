/**
 * What the reader decided that changes the result: a score sheet skipped for another, a
 * hidden unit column left out, hidden criteria rows still counted. The CLI prints these notes; the
 * pane must say them too, or an officer never learns that the hidden "Năm 2024" was not ranked.
 */
import * as React from "react";
import {
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from "@fluentui/react-components";
import type { RankingReport } from "../../core/report";
import { usePane } from "../context";

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  item: { overflowWrap: "anywhere" },
});

/**
 * The report's notes are already sentences in the language the report was made in, which is the
 * pane's: the pane drops its reading when the language changes. Renders nothing without notes.
 */
export function ReadingNotes({ report }: { report: RankingReport }): React.JSX.Element | null {
  const styles = useStyles();
  const { t } = usePane();
  const titleId = React.useId();
  const notes = report.notes ?? [];
  if (notes.length === 0) return null;
  const skipped = (report.skippedSheets ?? []).length > 0;
  return (
    <MessageBar intent="info" layout="multiline" role="note" aria-labelledby={titleId}>
      <MessageBarBody>
        <MessageBarTitle id={titleId}>{t("readingNotesTitle")}</MessageBarTitle>
        <ul className={styles.list} aria-labelledby={titleId}>
          {notes.map((note, i) => (
            <li key={i} className={styles.item}>
              {note}
            </li>
          ))}
          {skipped && <li className={styles.item}>{t("readingNotesChooseSheet")}</li>}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
