/**
 * What the pane offers on a criteria-only sheet (bảng điểm chuẩn): it says what the sheet is, takes
 * the members typed one per line (the saved settings' members to start from), and makes each member's
 * self-score form or the covenant from the criteria and those members, with a way back. Loaded only
 * when such a sheet is read.
 */
import * as React from "react";
import {
  Button,
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import type { CriterionNode } from "../../core/report";
import type { Params } from "../../core/i18n";
import { usePane } from "../context";
import {
  membersFromText,
  type CriteriaOnlyService,
  type CriteriaOnlySource,
} from "../criteria-only-api";
import { CRITERIA_ONLY_STRINGS, type CriteriaOnlyKey } from "./criteria-only-strings";
import { download } from "../download";
import { ErrorBar } from "./ErrorBar";
import { Progress, useTask } from "./Progress";
import { formatNumber } from "./format";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
  },
});

function leaves(nodes: CriterionNode[]): number {
  return nodes.reduce((n, c) => n + (c.children.length === 0 ? 1 : leaves(c.children)), 0);
}

interface Written {
  sheetNames: string[];
  kind: "template" | "covenant";
}

export default function CriteriaOnlyPanel({
  api,
  source,
}: {
  api: CriteriaOnlyService;
  source: CriteriaOnlySource;
}): React.JSX.Element {
  const styles = useStyles();
  const { lang } = usePane();
  const t = (key: CriteriaOnlyKey, params?: Params): string =>
    CRITERIA_ONLY_STRINGS.t(lang, key, params);
  const { busy, error, clearError, runAs, task } = useTask();
  const [text, setText] = React.useState(source.members.join("\n"));
  const [written, setWritten] = React.useState<Written | null>(null);
  const [done, setDone] = React.useState("");
  const { members, duplicates } = membersFromText(text);
  const content = source.criteria.filter((c) => c.kind === "content");

  const makeForms = (): void => {
    void runAs(t("working"), async () => {
      const res = await api.writeForms(source, members, lang);
      // Forms made earlier are made again in place: only the new sheets can be taken back.
      const added = res.sheetNames.filter((n) => !res.replaced.includes(n));
      setWritten(added.length > 0 ? { sheetNames: added, kind: "template" } : null);
      const made = t("formsDone", { n: res.sheetNames.length, names: res.sheetNames.join(", ") });
      setDone(
        res.replaced.length > 0
          ? `${made} ${t("formsReplaced", { names: res.replaced.join(", ") })}`
          : made
      );
    });
  };
  const makeCovenant = (): void => {
    void runAs(t("working"), async () => {
      const res = await api.writeCovenant(source, members, lang);
      setWritten({ sheetNames: [res.sheetName], kind: "covenant" });
      setDone(t("covenantDone", { sheet: res.sheetName }));
    });
  };
  const covenantWord = (): void => {
    void runAs(t("working"), async () => {
      const res = await api.covenantDocx(source, members, lang);
      download(res.blob, res.fileName);
      setDone(t("wordDone", { file: res.fileName }));
    });
  };
  const undo = (): void => {
    if (!written) return;
    void runAs(t("undo"), async () => {
      const n = await api.undo(written.sheetNames, written.kind);
      setWritten(null);
      setDone(t("undone", { n }));
    });
  };

  return (
    <div className={styles.root}>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t("title")}</MessageBarTitle>
          {t("found", {
            sheet: source.sheet,
            criteria: leaves(content),
            max: formatNumber(source.contentMax, 2, lang),
          })}
        </MessageBarBody>
      </MessageBar>
      <Field
        label={t("membersLabel")}
        hint={members.length > 0 ? t("membersCount", { n: members.length }) : t("membersNone")}
      >
        <Textarea
          value={text}
          onChange={(_, d) => setText(d.value)}
          placeholder={t("membersPlaceholder")}
          rows={6}
          resize="vertical"
        />
      </Field>
      {duplicates.length > 0 && (
        <Caption1>{t("duplicates", { names: duplicates.join(", ") })}</Caption1>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" onClick={makeForms} disabled={busy || members.length === 0}>
          {t("makeForms", { n: members.length })}
        </Button>
        <Button onClick={makeCovenant} disabled={busy || members.length === 0}>
          {t("makeCovenant")}
        </Button>
        <Button onClick={covenantWord} disabled={busy || members.length === 0}>
          {t("covenantWord")}
        </Button>
        <Progress busy={busy} label={task} />
      </div>
      <ErrorBar error={error} onDismiss={clearError} />
      <div role="status" aria-live="polite" className={styles.actions}>
        {done && <Text>{done}</Text>}
        {written && (
          <Button size="small" onClick={undo} disabled={busy}>
            {t("undo")}
          </Button>
        )}
      </div>
    </div>
  );
}
