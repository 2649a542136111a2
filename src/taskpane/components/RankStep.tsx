/**
 * Step 3, "Tạo bảng xếp hạng": one click builds the ranking sheet (values, or live portable formulas)
 * and shows the top units and whether the ranking is provisional (Tạm tính).
 */
import * as React from "react";
import {
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Field,
  tokens,
} from "@fluentui/react-components";
import { ArrowRightRegular, TrophyRegular } from "@fluentui/react-icons";
import { usePane } from "../context";
import { topUnits, type RankMode, type RankResult, type Reading } from "../service";
import { ErrorBar } from "./ErrorBar";
import { Progress, useReveal, useTask } from "./Progress";
import { formatFixed } from "./format";
import { ReadingNotes } from "./ReadingNotes";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  heading: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300, margin: 0 },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
  },
  table: {
    width: "100%",
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    "& th, & td": {
      textAlign: "left",
      paddingBlock: tokens.spacingVerticalXS,
      paddingInline: tokens.spacingHorizontalXS,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      verticalAlign: "top",
    },
    "& th": { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  },
  num: { textAlign: "right !important" as "right", whiteSpace: "nowrap" },
  name: { overflowWrap: "anywhere" },
  rank: { whiteSpace: "nowrap" },
  award: { color: tokens.colorBrandForeground1 },
});

const TOP = 5;

export function RankStep({
  reading,
  onReading,
}: {
  reading: Reading | null;
  onReading: (r: Reading) => void;
}): React.JSX.Element {
  const styles = useStyles();
  const { service, lang, t, goTo } = usePane();
  const { busy, error, clearError, runAs, task } = useTask();
  const [mode, setMode] = React.useState<RankMode>("values");
  const [result, setResult] = React.useState<RankResult | null>(null);
  // The result's notes and messages are in the language it was made in, like the pane's reading.
  const madeIn = React.useRef(lang);
  React.useEffect(() => {
    if (madeIn.current !== lang) setResult(null);
    madeIn.current = lang;
  }, [lang]);

  const rank = (): void => {
    void runAs(t("rankButton"), async () => {
      // One click from a fresh pane: read the active sheet first.
      const r = reading ?? (await service.read(undefined, lang));
      if (!reading) onReading(r);
      setResult(await service.buildRanking(mode, r, lang));
    });
  };

  const revealed = useReveal<HTMLDivElement>(result);
  const rep = result?.report;
  const top = rep ? topUnits(rep, TOP) : [];

  return (
    <section className={styles.root} aria-labelledby="rank-title">
      <h2 id="rank-title" className={styles.heading}>
        {t("rankTitle")}
      </h2>
      <Field label={t("rankModeLabel")}>
        <RadioGroup value={mode} onChange={(_, d) => setMode(d.value as RankMode)}>
          <Radio value="values" label={t("rankModeValues")} />
          <Radio value="formulas" label={t("rankModeFormulas")} />
        </RadioGroup>
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" icon={<TrophyRegular />} onClick={rank} disabled={busy}>
          {t("rankButton")}
        </Button>
        <Progress busy={busy} label={task} />
      </div>
      <ErrorBar error={error} onDismiss={clearError} />
      <div role="status" aria-live="polite" ref={revealed}>
        {result && rep && <ReadingNotes report={rep} />}
        {result && rep && (
          <MessageBar intent={rep.provisional ? "warning" : "success"}>
            <MessageBarBody>
              <MessageBarTitle>
                {rep.provisional ? t("provisionalTitle") : t("finalTitle")}
              </MessageBarTitle>
              {rep.provisional
                ? t("provisionalBody", { sheet: result.sheetName, errors: rep.errorCount })
                : t("finalBody", { sheet: result.sheetName })}
            </MessageBarBody>
            {rep.provisional && (
              <MessageBarActions>
                <Button size="small" onClick={() => goTo("check")}>
                  {t("openCheck")}
                </Button>
              </MessageBarActions>
            )}
          </MessageBar>
        )}
      </div>
      {rep &&
        rep.issues
          .filter((i) => i.code === "tie-at-top" || i.code === "not-eligible")
          .map((i, k) => (
            <MessageBar
              key={`${i.code}-${k}`}
              intent={i.code === "tie-at-top" ? "warning" : "info"}
            >
              <MessageBarBody>{i.message}</MessageBarBody>
            </MessageBar>
          ))}
      {rep && top.length > 0 && (
        <table className={styles.table}>
          <caption style={{ textAlign: "left" }}>
            <Caption1>
              {t("topUnitsCaption", { count: top.length, total: rep.units.length })}
            </Caption1>
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("colRank")}</th>
              <th scope="col">{t("colUnit")}</th>
              <th scope="col" className={styles.num}>
                {t("colTotal")}
              </th>
            </tr>
          </thead>
          <tbody>
            {top.map((u) => (
              <tr key={u.name}>
                <td className={styles.rank}>
                  {u.rank}
                  {u.label ? ` · ${u.label}` : ""}
                </td>
                <td className={styles.name}>
                  {u.name}
                  {!u.complete ? ` (${t("incomplete")})` : ""}
                  {u.award && (
                    <>
                      <br />
                      <Caption1 className={styles.award}>
                        {t("proposedAward", { award: u.award })}
                      </Caption1>
                    </>
                  )}
                </td>
                <td className={styles.num}>{formatFixed(u.total, rep.precision, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rep && (
        <div>
          <Button icon={<ArrowRightRegular />} iconPosition="after" onClick={() => goTo("outputs")}>
            {t("nextOutputs")}
          </Button>
        </div>
      )}
    </section>
  );
}
