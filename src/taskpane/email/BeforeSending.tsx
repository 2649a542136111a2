/**
 * Section 3 of the email tab: check the workbook, freeze THIDUA results (every cell listed first, the
 * way the user reads numbers), undo the freeze in one click, and make the clean copy to send.
 */
import * as React from "react";
import {
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownloadRegular, ArrowUndoRegular } from "@fluentui/react-icons";
import type { Lang } from "../../core/i18n";
import type { PresendFinding } from "../../core/presend";
import type { EmailService, FreezePlanView } from "./service";
import { useSectionStyles } from "./section-styles";
import { EMAIL_STRINGS, type EmailKey } from "./strings";
import { download, intentOf, shownValue, type RunWork } from "./ui";

const useStyles = makeStyles({
  // Formulas and sheet-qualified addresses are long words: they wrap inside a 320 px pane instead of
  // running over the next column.
  code: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: "anywhere",
    wordBreak: "break-word",
  },
  scroll: { maxHeight: "240px", overflowY: "auto" },
  table: { tableLayout: "fixed", width: "100%" },
  cell: { overflowWrap: "anywhere", wordBreak: "break-word", verticalAlign: "top" },
  number: { textAlign: "right" },
});

export interface BeforeSendingProps {
  service: EmailService;
  lang: Lang;
  busy: boolean;
  run: RunWork;
}

export function BeforeSending({ service, lang, busy, run }: BeforeSendingProps): React.JSX.Element {
  const styles = useStyles();
  const shared = useSectionStyles();
  const t = React.useCallback(
    (k: EmailKey, p?: Record<string, string | number>) => EMAIL_STRINGS.t(lang, k, p),
    [lang]
  );
  const [findings, setFindings] = React.useState<PresendFinding[] | null>(null);
  const [plan, setPlan] = React.useState<FreezePlanView | null>(null);
  const [result, setResult] = React.useState<string[]>([]);

  const check = (): void =>
    run(async () => {
      setPlan(null);
      setResult([]);
      setFindings(await service.checkBeforeSending(lang));
    });

  const planFreeze = (): void =>
    run(async () => {
      setResult([]);
      const p = await service.planFreeze();
      if (p.cells.length === 0 && p.errors.length === 0) setResult([t("freezeNone")]);
      else setPlan(p);
    });

  const applyFreeze = (): void =>
    run(async () => {
      if (!plan) return;
      const out = await service.applyFreeze(plan, lang);
      setPlan(null);
      const lines: string[] = [];
      if (out.written > 0)
        lines.push(
          t("freezeDone", {
            count: out.cells,
            formulas: out.written,
            sheet: out.backupSheet ?? "",
          })
        );
      if (out.spilled.length) lines.push(t("freezeSpilled", { ranges: out.spilled.join(", ") }));
      if (out.skipped.length)
        lines.push(
          t("freezeSkipped", { count: out.skipped.length, cells: out.skipped.join(", ") })
        );
      setResult(lines);
      setFindings(null);
    });

  const undo = (): void =>
    run(async () => {
      setPlan(null);
      const out = await service.undoFreeze(lang);
      const lines: string[] = [];
      if (!out.found) lines.push(t("undoNone"));
      if (out.restored > 0) lines.push(t("undoDone", { count: out.restored }));
      if (out.skipped.length)
        lines.push(t("undoSkipped", { count: out.skipped.length, ranges: out.skipped.join(", ") }));
      setResult(lines);
      setFindings(null);
    });

  const copy = (): void =>
    run(async () => {
      setPlan(null);
      const c = await service.cleanCopy(lang);
      download(c.file.blob, c.file.fileName);
      const lines = [t("copyDone", { file: c.file.fileName, count: c.frozen })];
      if (c.withoutValue.length)
        lines.push(
          t("copyNoValue", { count: c.withoutValue.length, cells: c.withoutValue.join(", ") })
        );
      if (!c.fromFile) lines.push(t("copyRebuilt"));
      setResult(lines);
    });

  const value = (v: string | number | boolean): string =>
    v === "" ? `(${t("blank")})` : shownValue(v, lang);

  return (
    <section className={shared.section} aria-labelledby="thidua-email-before">
      <h3 id="thidua-email-before" className={shared.heading}>
        {t("beforeTitle")}
      </h3>
      <div className={shared.actions}>
        <Button disabled={busy} onClick={check}>
          {t("checkButton")}
        </Button>
        <Button disabled={busy} onClick={planFreeze}>
          {t("freezeButton")}
        </Button>
        <Button disabled={busy} icon={<ArrowUndoRegular />} onClick={undo}>
          {t("undoButton")}
        </Button>
        <Button disabled={busy} icon={<ArrowDownloadRegular />} onClick={copy}>
          {t("copyButton")}
        </Button>
      </div>
      <Caption1>{t("freezeHint")}</Caption1>
      {findings && findings.length === 0 && (
        <MessageBar intent="success">
          <MessageBarBody>{t("checkOk")}</MessageBarBody>
        </MessageBar>
      )}
      {findings && findings.length > 0 && (
        <ul className={shared.list} aria-label={t("findingsTitle", { count: findings.length })}>
          {findings.map((f, i) => (
            <li key={i}>
              <MessageBar intent={intentOf(f.severity)}>
                <MessageBarBody>{f.message}</MessageBarBody>
              </MessageBar>
            </li>
          ))}
        </ul>
      )}
      {plan && (
        <>
          {plan.errors.length > 0 && (
            <MessageBar intent="warning">
              <MessageBarBody>
                {t("freezeErrors", { count: plan.errors.length })}
                <ul
                  className={shared.list}
                  aria-label={t("freezeErrors", { count: plan.errors.length })}
                >
                  {plan.errors.map((e) => (
                    <li key={e.cell} className={styles.code}>
                      {e.cell}: {String(e.value)} ({e.formula})
                    </li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
          {plan.cells.length > 0 && (
            <>
              <Caption1>{t("freezeGroups")}</Caption1>
              <ul className={shared.list}>
                {plan.groups.map((g) => (
                  <li key={`${g.sheet}!${g.range}`} className={styles.code}>
                    {g.range}: {g.formula}
                  </li>
                ))}
              </ul>
              <Caption1>{t("freezePlanTitle", { count: plan.cells.length })}</Caption1>
              <div className={styles.scroll}>
                <Table
                  size="extra-small"
                  className={styles.table}
                  aria-label={t("freezePlanTitle", { count: plan.cells.length })}
                >
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell>{t("colCell")}</TableHeaderCell>
                      <TableHeaderCell>{t("colValue")}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {plan.cells.map((c) => (
                      <TableRow key={c.cell}>
                        <TableCell className={styles.cell}>{c.cell}</TableCell>
                        <TableCell
                          className={
                            typeof c.value === "number"
                              ? `${styles.cell} ${styles.number}`
                              : styles.cell
                          }
                        >
                          {value(c.value)}
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </div>
            </>
          )}
          <div className={shared.actions}>
            <Button
              appearance="primary"
              disabled={busy || plan.cells.length === 0}
              onClick={applyFreeze}
            >
              {t("freezeConfirm", { count: plan.cells.length })}
            </Button>
            <Button disabled={busy} onClick={() => setPlan(null)}>
              {t("cancel")}
            </Button>
          </div>
        </>
      )}
      {result.map((line, i) => (
        <MessageBar key={i} intent="info">
          <MessageBarBody>{line}</MessageBarBody>
        </MessageBar>
      ))}
    </section>
  );
}
