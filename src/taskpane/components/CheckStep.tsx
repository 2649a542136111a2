/**
 * Step 2, "Kiểm tra": the issues by severity and unit. Clicking an issue selects its cell in Excel.
 * Safe fixes (text-number, legacy-encoding) are offered one by one or together, always showing the
 * cell and old → new, and they write only those cells.
 */
import * as React from "react";
import {
  Badge,
  Button,
  Caption1,
  CounterBadge,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  tokens,
} from "@fluentui/react-components";
import {
  ErrorCircleRegular,
  WarningRegular,
  InfoRegular,
  WrenchRegular,
  CheckmarkCircleRegular,
  ArrowRightRegular,
} from "@fluentui/react-icons";
import type { Issue, IssueFix, Severity } from "../../core/issues";
import { usePane } from "../context";
import type { FixPreview, Reading } from "../service";
import { ErrorBar } from "./ErrorBar";
import { Progress, useReveal, useTask } from "./Progress";
import { formatNumber } from "./format";
import type { Lang } from "../../core/i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  heading: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300, margin: 0 },
  // An icon beside a heading sits on the text's middle, not above its baseline.
  iconHeading: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase300,
    margin: 0,
  },
  // "Cells fixed" and the counts under it would otherwise touch.
  status: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  counts: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM },
  count: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  unit: { fontWeight: tokens.fontWeightSemibold, margin: 0, fontSize: tokens.fontSizeBase200 },
  list: {
    listStyle: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
  },
  issue: {
    display: "block",
    width: "100%",
    textAlign: "left",
    height: "auto",
    paddingBlock: tokens.spacingVerticalXS,
    whiteSpace: "normal",
    justifyContent: "flex-start",
    fontWeight: tokens.fontWeightRegular,
  },
  plain: { paddingBlock: tokens.spacingVerticalXS, paddingInline: tokens.spacingHorizontalM },
  cell: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  fixBox: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  fixRow: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) auto",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
  },
  change: { overflowWrap: "anywhere" },
  old: { textDecorationLine: "line-through", color: tokens.colorPaletteRedForeground1 },
  new: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
  },
  filters: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    alignItems: "flex-end",
  },
  itemSeverity: { verticalAlign: "middle", marginRight: tokens.spacingHorizontalXS },
});

const ORDER: Severity[] = ["error", "warning", "info"];

type GroupBy = "severity" | "unit" | "code";
/** The filter value for issues about no unit (the whole sheet); unit names are never this. */
const WHOLE = "\u0000";

function SeverityIcon({ s }: { s: Severity }): React.JSX.Element {
  const style = {
    color:
      s === "error"
        ? tokens.colorPaletteRedForeground1
        : s === "warning"
          ? tokens.colorPaletteDarkOrangeForeground1
          : tokens.colorPaletteBlueForeground2,
  };
  if (s === "error") return <ErrorCircleRegular style={style} aria-hidden />;
  if (s === "warning") return <WarningRegular style={style} aria-hidden />;
  return <InfoRegular style={style} aria-hidden />;
}

/** "'Bảng điểm'!D12" → "D12 (Bảng điểm)": the sheet name last reads better in a narrow pane. */
function shortCell(address: string): string {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(address);
  if (!m) return address;
  const sheet = (m[1] ?? m[2]).replace(/''/g, "'");
  return `${m[3]} (${sheet})`;
}

/** The new value as the officer will see it in the cell: 18,5 in Vietnamese, 18.5 in English. */
function shownValue(v: number | string, lang: Lang): string {
  return typeof v === "number" ? formatNumber(v, 10, lang) : v;
}

function fixKey(f: IssueFix): string {
  return `${f.cell}\u0000${String(f.value)}`;
}

export function CheckStep({
  reading,
  onReading,
}: {
  reading: Reading | null;
  onReading: (r: Reading) => void;
}): React.JSX.Element {
  const styles = useStyles();
  const { service, lang, t, goTo } = usePane();
  const { busy, error, clearError, run, runAs, task } = useTask();
  const [previews, setPreviews] = React.useState<FixPreview[]>([]);
  const [fixedCount, setFixedCount] = React.useState<number | null>(null);
  // Cells this step marked on the sheet; a new reading removes the marks.
  const [marked, setMarked] = React.useState<number | null>(null);
  const [unmarkedNote, setUnmarkedNote] = React.useState(false);
  React.useEffect(() => {
    setMarked(null);
    setUnmarkedNote(false);
  }, [reading]);

  const issues: Issue[] = React.useMemo(() => (reading ? reading.report.issues : []), [reading]);
  const fixes = React.useMemo(() => {
    const seen = new Set<string>();
    const out: IssueFix[] = [];
    for (const i of issues) {
      if (!i.fix) continue;
      const k = fixKey(i.fix);
      if (!seen.has(k)) {
        seen.add(k);
        out.push(i.fix);
      }
    }
    return out;
  }, [issues]);

  React.useEffect(() => {
    let live = true;
    setPreviews([]);
    if (fixes.length === 0) return undefined;
    service.previewFixes(fixes).then(
      (p) => live && setPreviews(p),
      // Without the current content the fix still shows cell and new value.
      () => live && setPreviews(fixes.map((fix) => ({ fix, before: "" })))
    );
    return () => {
      live = false;
    };
  }, [service, fixes]);

  const apply = (chosen: IssueFix[]): void => {
    if (!reading) return;
    void runAs(t("taskFix"), async () => {
      const n = await service.applyFixes(chosen);
      setFixedCount(n);
      onReading(await service.read(reading.sheets, lang));
    });
  };
  const recheck = (): void => {
    void runAs(t("checkButton"), async () => {
      setFixedCount(null);
      onReading(await service.read(reading?.sheets, lang));
    });
  };
  const select = (cell: string): void => {
    void run(() => service.selectCell(cell));
  };
  // The issues listed (the filters apply) are the ones marked.
  const mark = (): void => {
    void runAs(t("markButton"), async () => {
      setUnmarkedNote(false);
      setMarked((await service.markIssues?.(shown)) ?? 0);
    });
  };
  const unmark = (): void => {
    void runAs(t("unmarkButton"), async () => {
      await service.clearMarks?.();
      setMarked(null);
      setUnmarkedNote(true);
    });
  };

  const revealed = useReveal<HTMLDivElement>(fixedCount !== null ? reading : null);
  const [groupBy, setGroupBy] = React.useState<GroupBy>("severity");
  const [sevFilter, setSevFilter] = React.useState("");
  const [unitFilter, setUnitFilter] = React.useState("");
  const [codeFilter, setCodeFilter] = React.useState("");
  // Units as the sheet lists them, then any others the issues name, then the whole sheet.
  const unitOrder = React.useMemo(() => {
    const named = (reading?.units ?? []).map((u) => u.unit);
    const extra = issues.map((i) => i.unit ?? "").filter((u) => u !== "" && !named.includes(u));
    const all = [...named, ...extra, ""];
    return all.filter((u, k) => all.indexOf(u) === k && issues.some((i) => (i.unit ?? "") === u));
  }, [reading, issues]);
  const codes = React.useMemo(
    () => Array.from(new Set(issues.map((i) => i.code))).sort(),
    [issues]
  );
  const shown = issues.filter(
    (i) =>
      (sevFilter === "" || i.severity === sevFilter) &&
      (unitFilter === "" || (i.unit || WHOLE) === unitFilter) &&
      (codeFilter === "" || i.code === codeFilter)
  );

  const item = (i: Issue, withSeverity: boolean): React.JSX.Element =>
    i.cell ? (
      <Button
        appearance="subtle"
        className={styles.issue}
        disabled={busy}
        onClick={() => i.cell && select(i.cell)}
        aria-label={t("goToCell", { cell: shortCell(i.cell), message: i.message })}
      >
        {withSeverity && (
          <span className={styles.itemSeverity}>
            <SeverityIcon s={i.severity} />
          </span>
        )}
        <Text>{i.message}</Text>
        <br />
        <Caption1 className={styles.cell}>
          {shortCell(i.cell)}
          {i.criterion ? ` · ${i.criterion}` : ""}
        </Caption1>{" "}
        {i.fix && (
          <Badge appearance="tint" color="success" size="small">
            {t("fixable")}
          </Badge>
        )}
      </Button>
    ) : (
      <div className={styles.plain}>
        {withSeverity && (
          <span className={styles.itemSeverity}>
            <SeverityIcon s={i.severity} />
          </span>
        )}
        <Text>{i.message}</Text>
      </div>
    );

  const counts = ORDER.map((s) => ({ s, n: issues.filter((i) => i.severity === s).length }));
  const sevLabel = (s: Severity): string =>
    t(s === "error" ? "sevError" : s === "warning" ? "sevWarning" : "sevInfo");

  return (
    <section className={styles.root} aria-labelledby="check-title">
      <h2 id="check-title" className={styles.heading}>
        {t("checkTitle")}
      </h2>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={recheck} disabled={busy}>
          {t("checkButton")}
        </Button>
        {reading && (
          <Button icon={<ArrowRightRegular />} iconPosition="after" onClick={() => goTo("rank")}>
            {t("nextRank")}
          </Button>
        )}
        {service.markIssues && service.clearMarks && issues.some((i) => i.cell) && (
          <>
            <Button onClick={mark} disabled={busy || !shown.some((i) => i.cell)}>
              {t("markButton")}
            </Button>
            {/* Always offered: marks made before the pane was switched away stay on the sheet. */}
            <Button onClick={unmark} disabled={busy}>
              {t("unmarkButton")}
            </Button>
          </>
        )}
        <Progress busy={busy} label={task} />
      </div>
      <ErrorBar error={error} onDismiss={clearError} />
      <div role="status" aria-live="polite" className={styles.status} ref={revealed}>
        {fixedCount !== null && (
          <MessageBar intent="success">
            <MessageBarBody>{t("fixedCells", { count: fixedCount })}</MessageBarBody>
          </MessageBar>
        )}
        {marked !== null && (
          <MessageBar intent="info">
            <MessageBarBody>{t("marked", { count: marked })}</MessageBarBody>
          </MessageBar>
        )}
        {unmarkedNote && (
          <MessageBar intent="success">
            <MessageBarBody>{t("unmarked")}</MessageBarBody>
          </MessageBar>
        )}
        {reading && issues.length === 0 && (
          <MessageBar intent="success">
            <MessageBarBody>{t("noIssues")}</MessageBarBody>
          </MessageBar>
        )}
        {reading && issues.length > 0 && (
          <div className={styles.counts} aria-label={t("issueCounts")}>
            {counts.map(({ s, n }) => (
              <span key={s} className={styles.count}>
                <SeverityIcon s={s} />
                <Text>{t("severityCount", { severity: sevLabel(s), count: n })}</Text>
              </span>
            ))}
          </div>
        )}
      </div>
      {!reading && <Caption1>{t("checkNeedsRead")}</Caption1>}

      {previews.length > 0 && (
        <div className={styles.fixBox} role="group" aria-labelledby="fix-title">
          <h3 id="fix-title" className={styles.iconHeading}>
            <WrenchRegular aria-hidden /> {t("fixesTitle", { count: previews.length })}
          </h3>
          <Caption1>{t("fixesHint")}</Caption1>
          <ul className={styles.list}>
            {previews.map((p) => (
              <li key={fixKey(p.fix)} className={styles.fixRow}>
                <span className={styles.change}>
                  <Text className={styles.cell}>{shortCell(p.fix.cell)}</Text>{" "}
                  <span className={styles.old}>
                    {p.before === "" ? t("emptyValue") : `“${p.before}”`}
                  </span>
                  {" → "}
                  <span className={styles.new}>{shownValue(p.fix.value, lang)}</span>
                </span>
                <Button
                  size="small"
                  onClick={() => apply([p.fix])}
                  disabled={busy}
                  aria-label={t("fixOneLabel", {
                    cell: shortCell(p.fix.cell),
                    value: shownValue(p.fix.value, lang),
                  })}
                >
                  {t("fixOne")}
                </Button>
              </li>
            ))}
          </ul>
          {previews.length > 1 && (
            <div>
              <Button
                icon={<CheckmarkCircleRegular />}
                onClick={() => apply(previews.map((p) => p.fix))}
                disabled={busy}
              >
                {t("fixAll", { count: previews.length })}
              </Button>
            </div>
          )}
        </div>
      )}

      {issues.length > 1 && (
        <div className={styles.filters} role="group" aria-label={t("issueFilters")}>
          <Field label={t("groupBy")} size="small">
            <Select value={groupBy} onChange={(_, d) => setGroupBy(d.value as GroupBy)}>
              <option value="severity">{t("bySeverity")}</option>
              <option value="unit">{t("byUnit")}</option>
              <option value="code">{t("byCode")}</option>
            </Select>
          </Field>
          <Field label={t("bySeverity")} size="small">
            <Select value={sevFilter} onChange={(_, d) => setSevFilter(d.value)}>
              <option value="">{t("filterAll")}</option>
              {ORDER.map((s) => (
                <option key={s} value={s}>
                  {sevLabel(s)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("byUnit")} size="small">
            <Select value={unitFilter} onChange={(_, d) => setUnitFilter(d.value)}>
              <option value="">{t("filterAll")}</option>
              {unitOrder.map((u) => (
                <option key={u} value={u === "" ? WHOLE : u}>
                  {u || t("wholeSheet")}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("byCode")} size="small">
            <Select value={codeFilter} onChange={(_, d) => setCodeFilter(d.value)}>
              <option value="">{t("filterAll")}</option>
              {codes.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </Select>
          </Field>
          {shown.length < issues.length && (
            <Caption1 role="status">
              {t("issuesShown", { shown: shown.length, total: issues.length })}
            </Caption1>
          )}
        </div>
      )}

      {groupBy === "severity" &&
        ORDER.map((s) => {
          const group = shown.filter((i) => i.severity === s);
          if (group.length === 0) return null;
          const units = unitOrder.filter((u) => group.some((i) => (i.unit ?? "") === u));
          return (
            <div key={s} className={styles.group}>
              <h3 className={styles.iconHeading}>
                <SeverityIcon s={s} /> {sevLabel(s)}{" "}
                <CounterBadge
                  count={group.length}
                  size="small"
                  color={s === "error" ? "danger" : s === "warning" ? "important" : "informative"}
                  aria-hidden
                />
              </h3>
              {units.map((u) => (
                <div key={u}>
                  <h4 className={styles.unit}>{u || t("wholeSheet")}</h4>
                  <ul className={styles.list}>
                    {group
                      .filter((i) => (i.unit ?? "") === u)
                      .map((i, k) => (
                        <li key={`${i.code}-${i.cell ?? ""}-${k}`}>{item(i, false)}</li>
                      ))}
                  </ul>
                </div>
              ))}
            </div>
          );
        })}
      {groupBy !== "severity" &&
        (groupBy === "unit" ? unitOrder : codes).map((g) => {
          const group = shown
            .filter((i) => (groupBy === "unit" ? (i.unit ?? "") : i.code) === g)
            .sort(
              (a, b) =>
                ORDER.indexOf(a.severity) - ORDER.indexOf(b.severity) ||
                (groupBy === "unit"
                  ? a.code.localeCompare(b.code)
                  : unitOrder.indexOf(a.unit ?? "") - unitOrder.indexOf(b.unit ?? ""))
            );
          if (group.length === 0) return null;
          return (
            <div key={g} className={styles.group}>
              <h3 className={styles.iconHeading}>
                {groupBy === "unit" ? g || t("wholeSheet") : g}{" "}
                <CounterBadge count={group.length} size="small" color="informative" aria-hidden />
              </h3>
              <ul className={styles.list}>
                {group.map((i, k) => (
                  <li key={`${i.code}-${i.cell ?? ""}-${k}`}>{item(i, true)}</li>
                ))}
              </ul>
            </div>
          );
        })}
    </section>
  );
}
