/**
 * Step 1, "Đọc bảng điểm": read the active sheet (or the sheets chosen) and show what was understood,
 * so the officer can check it before trusting any number. Each part can be corrected from a range
 * selected in Excel; the correction is saved in the workbook and reused.
 */
import * as React from "react";
import {
  Badge,
  Button,
  Caption1,
  Checkbox,
  makeStyles,
  Spinner,
  Text,
  tokens,
  mergeClasses,
} from "@fluentui/react-components";
import { DocumentSearchRegular, ArrowResetRegular, ArrowRightRegular } from "@fluentui/react-icons";
import type { Lang, Params } from "../../core/i18n";
import type { CriterionNode } from "../../core/report";
import { usePane } from "../context";
import type { CriteriaOnlyService, CriteriaOnlySource } from "../criteria-only-api";
import {
  MAPPING_PARTS,
  ServiceError,
  type MappingPart,
  type MappingPartInfo,
  type Reading,
  type SheetInfo,
} from "../service";
import type { PaneKey } from "../strings";
import { ErrorBar } from "./ErrorBar";
import { Progress, useReveal, useTask } from "./Progress";
import { formatNumber } from "./format";
import { ReadingNotes } from "./ReadingNotes";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  sheets: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
  },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  heading: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300, margin: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  partRow: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) auto",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    paddingBlock: tokens.spacingVerticalXXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  where: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  max: { whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" },
  tree: { listStyleType: "none", margin: 0, padding: 0 },
  subtree: { listStyleType: "none", margin: 0, paddingLeft: tokens.spacingHorizontalL },
  node: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) auto",
    gap: tokens.spacingHorizontalS,
    alignItems: "baseline",
    paddingBlock: "2px",
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  sectionLabel: { fontWeight: tokens.fontWeightSemibold },
  wrap: { whiteSpace: "normal", overflowWrap: "anywhere" },
});

const CriteriaOnlyPanel = React.lazy(
  () => import(/* webpackChunkName: "criteria-only" */ "./CriteriaOnlyPanel")
);

const PART_KEY: Record<MappingPart, PaneKey> = {
  header: "partHeader",
  codes: "partCodes",
  labels: "partLabels",
  max: "partMax",
  weights: "partWeights",
  units: "partUnits",
  self: "partSelf",
  review: "partReview",
  bonus: "partBonus",
  deduction: "partDeduction",
};

/**
 * The criteria as nested lists: read-only, so plain lists (which screen readers announce with their
 * level and size) serve better than an interactive tree, and cost nothing in the bundle.
 */
function CriteriaTree({
  criteria,
  lang,
}: {
  criteria: CriterionNode[];
  lang: Lang;
}): React.JSX.Element {
  const styles = useStyles();
  const { t } = usePane();
  const render = (nodes: CriterionNode[], depth: number): React.JSX.Element => (
    <ul className={depth === 0 ? styles.tree : styles.subtree}>
      {nodes.map((node) => {
        const section = node.children.length > 0 || depth === 0;
        // The section says bonus/deduction once; its items inherit it.
        const kindBadge =
          depth > 0 || node.kind === "content" ? null : (
            <Badge
              appearance="tint"
              color={node.kind === "bonus" ? "success" : "danger"}
              size="small"
            >
              {t(node.kind === "bonus" ? "kindBonus" : "kindDeduction")}
            </Badge>
          );
        return (
          <li key={node.id}>
            <div className={styles.node}>
              <span className={mergeClasses(styles.wrap, section && styles.sectionLabel)}>
                {node.code ? `${node.code}. `.replace(/\.\. $/, ". ").replace(/\)\. $/, ") ") : ""}
                {node.label} {kindBadge}
              </span>
              <Text className={styles.max} size={200}>
                {node.max === null ? "—" : formatNumber(node.max, 2, lang)}
              </Text>
            </div>
            {node.children.length > 0 && render(node.children, depth + 1)}
          </li>
        );
      })}
    </ul>
  );
  return (
    <div role="group" aria-label={t("criteriaTree")}>
      {render(criteria, 0)}
    </div>
  );
}

export function ReadStep({
  reading,
  onReading,
}: {
  reading: Reading | null;
  onReading: (r: Reading | null) => void;
}): React.JSX.Element {
  const styles = useStyles();
  const { service, lang, t, goTo } = usePane();
  const { busy, error, clearError, runAs, task } = useTask();
  const [sheets, setSheets] = React.useState<SheetInfo[]>([]);
  const [chosen, setChosen] = React.useState<string[]>([]);
  const [pendingPart, setPendingPart] = React.useState<MappingPart | null>(null);
  const [criteriaOnly, setCriteriaOnly] = React.useState<{
    api: CriteriaOnlyService;
    source: CriteriaOnlySource;
  } | null>(null);

  React.useEffect(() => {
    let live = true;
    service.listSheets().then(
      (list) => {
        if (!live) return;
        setSheets(list);
        setChosen(list.filter((s) => s.active && !s.ours).map((s) => s.name));
      },
      () => {
        // The read button reports the failure when pressed; an empty list is enough here.
      }
    );
    return () => {
      live = false;
    };
  }, [service]);

  const scoreSheets = sheets.filter((s) => !s.ours);
  const toggle = (name: string, on: boolean): void =>
    setChosen((c) => (on ? [...c.filter((x) => x !== name), name] : c.filter((x) => x !== name)));

  const doRead = (): void => {
    setCriteriaOnly(null);
    void runAs(t("readButton"), async () => {
      const wanted = chosen.length > 0 ? chosen : undefined;
      try {
        onReading(await service.read(wanted, lang));
      } catch (e) {
        // A criteria table with no unit yet (bảng điểm chuẩn) is the start of the year, not an error.
        const api =
          e instanceof ServiceError && e.code === "no-score-sheet"
            ? await service.criteriaOnly?.()
            : undefined;
        const source = api ? await api.read(wanted, lang) : null;
        if (!api || !source) throw e;
        onReading(null);
        setCriteriaOnly({ api, source });
      }
    });
  };
  const useSel = (part: MappingPart): void => {
    if (!reading) return;
    setPendingPart(part);
    void runAs(t("useSelection"), async () => {
      onReading(await service.useSelection(part, reading, lang));
    }).finally(() => setPendingPart(null));
  };
  const reset = (): void => {
    if (!reading) return;
    void runAs(t("resetMapping"), async () => onReading(await service.resetMapping(reading, lang)));
  };

  const revealed = useReveal<HTMLDivElement>(reading);
  const m = reading?.mapping;
  const confidencePct = m ? Math.round(m.confidence * 100) : 0;
  const rep = reading?.report;
  const bonus = rep?.criteria.filter((n) => n.kind === "bonus") ?? [];
  const deduction = rep?.criteria.filter((n) => n.kind === "deduction") ?? [];

  return (
    <section className={styles.root} aria-labelledby="read-title">
      <h2 id="read-title" className={styles.heading}>
        {t("readTitle")}
      </h2>
      <Caption1>{t("readHint")}</Caption1>
      {scoreSheets.length > 1 && (
        <fieldset className={styles.sheets} style={{ border: "none", padding: 0, margin: 0 }}>
          <legend>
            <Text weight="semibold">{t("sheetsToRead")}</Text>
          </legend>
          {scoreSheets.map((s) => (
            <Checkbox
              key={s.name}
              label={s.active ? `${s.name} ${t("activeMark")}` : s.name}
              checked={chosen.includes(s.name)}
              onChange={(_, d) => toggle(s.name, d.checked === true)}
            />
          ))}
        </fieldset>
      )}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          icon={<DocumentSearchRegular />}
          onClick={doRead}
          disabled={busy}
        >
          {t("readButton")}
        </Button>
        <Progress busy={busy} label={task} />
      </div>
      <ErrorBar error={error} onDismiss={clearError} />
      {criteriaOnly && (
        <React.Suspense fallback={<Spinner size="tiny" />}>
          <CriteriaOnlyPanel api={criteriaOnly.api} source={criteriaOnly.source} />
        </React.Suspense>
      )}
      <div aria-live="polite" role="status" ref={revealed}>
        {reading && m && rep && (
          <Text>
            {t("readSummary", {
              units: reading.units.length,
              criteria: countLeaves(rep.criteria.filter((n) => n.kind === "content")),
              max: formatNumber(rep.maxTotal, rep.precision, lang),
              confidence: confidencePct,
            })}
          </Text>
        )}
        {reading && m && rep && <ReadingNotes report={rep} />}
      </div>
      {reading && m && rep && (
        <div>
          <Button icon={<ArrowRightRegular />} iconPosition="after" onClick={() => goTo("check")}>
            {rep.errorCount > 0 ? t("nextCheckErrors", { count: rep.errorCount }) : t("nextCheck")}
          </Button>
        </div>
      )}
      {reading && m && rep && (
        <>
          <div className={styles.section}>
            <h3 className={styles.heading}>
              {t("confidenceTitle", { confidence: confidencePct })}{" "}
              {m.saved && (
                <Badge appearance="outline" color="brand" size="small">
                  {t("savedMapping")}
                </Badge>
              )}
            </h3>
            <ul className={styles.list}>
              {m.lines.map((line, i) => (
                <li key={`l${i}`}>
                  <Text>{line}</Text>
                </li>
              ))}
              {/* A hidden row or column is already said in the notes above: once is enough. */}
              {m.reasons
                .filter((why) => !(rep.notes ?? []).some((note) => note.endsWith(why)))
                .map((why, i) => (
                  <li key={`r${i}`}>
                    <Caption1>{why}</Caption1>
                  </li>
                ))}
            </ul>
          </div>

          <div className={styles.section}>
            <h3 className={styles.heading}>
              {t("criteriaTitle", {
                count: countLeaves(rep.criteria.filter((n) => n.kind === "content")),
              })}
            </h3>
            <CriteriaTree criteria={rep.criteria} lang={lang} />
            <Caption1>
              {bonus.length > 0
                ? bonusLine(bonus, rep.bonusCap, rep.precision, lang, t)
                : t("noBonusSection")}
              {" · "}
              {deduction.length > 0
                ? t("deductionSection", { label: deduction.map((b) => b.label).join(", ") })
                : t("noDeductionSection")}
            </Caption1>
          </div>

          <div className={styles.section}>
            <h3 className={styles.heading}>{t("unitsTitle", { count: reading.units.length })}</h3>
            <ol className={styles.list}>
              {reading.units.map((u) => (
                <li key={u.unit}>
                  <Text className={styles.wrap}>{u.unit}</Text>
                  <br />
                  <Caption1 className={styles.where}>
                    {t("unitColumns", {
                      self: u.self ? localAddress(u.self, reading.sheets) : t("none"),
                      review: u.review ? localAddress(u.review, reading.sheets) : t("none"),
                    })}
                  </Caption1>
                </li>
              ))}
            </ol>
          </div>

          <div className={styles.section}>
            <h3 className={styles.heading}>{t("correctTitle")}</h3>
            <Caption1>{t("correctHint")}</Caption1>
            <div role="list" aria-label={t("correctTitle")}>
              {(m.parts.length > 0
                ? m.parts
                : MAPPING_PARTS.map((part) => ({ part, where: null }))
              ).map((info: MappingPartInfo) => {
                const part = info.part;
                const name = t(PART_KEY[part]);
                return (
                  <div role="listitem" key={part} className={styles.partRow}>
                    <div>
                      <Text weight="semibold">{name}</Text>
                      {info.corrected && (
                        <>
                          {" "}
                          <Badge appearance="tint" color="brand" size="small">
                            {t("corrected")}
                          </Badge>
                        </>
                      )}
                      <br />
                      <Caption1 className={styles.where}>
                        {info.where ? localAddress(info.where, reading.sheets) : t("notFound")}
                      </Caption1>
                    </div>
                    {info.correctable !== false && (
                      <Button
                        size="small"
                        onClick={() => useSel(part)}
                        disabled={busy}
                        aria-label={t("useSelectionFor", { part: name })}
                      >
                        {pendingPart === part ? <Spinner size="extra-tiny" /> : t("useSelection")}
                      </Button>
                    )}
                  </div>
                );
              })}
            </div>
            {m.parts.some((p) => p.corrected) && (
              <div>
                <Button size="small" icon={<ArrowResetRegular />} onClick={reset} disabled={busy}>
                  {t("resetMapping")}
                </Button>
              </div>
            )}
          </div>
        </>
      )}
    </section>
  );
}

/**
 * The bonus section and its cap. Sheets usually title the section "Điểm cộng (tối đa 5 điểm)"; when
 * the title already states the cap the engine applies, repeating "(tối đa 5)" reads as a stutter.
 */
export function bonusLine(
  bonus: CriterionNode[],
  bonusCap: number,
  precision: number,
  lang: Lang,
  t: (key: PaneKey, params?: Params) => string
): string {
  const label = bonus.map((b) => b.label).join(", ");
  const cap = formatNumber(bonusCap, precision, lang);
  const num = cap.replace(/[.,]/g, "[.,]");
  const stated = new RegExp(`(tối đa|max(imum)?|cap|up to)\\s*${num}(?![\\d.,])`, "i");
  return stated.test(label)
    ? t("bonusSectionStated", { label })
    : t("bonusSection", { label, cap });
}

/** "'Bảng điểm'!D6:D14" → "D6:D14" when only that sheet was read: the sheet name is noise then. */
export function localAddress(address: string, sheets: string[]): string {
  if (sheets.length !== 1) return address;
  const prefix = `'${sheets[0].replace(/'/g, "''")}'!`;
  if (address.startsWith(prefix)) return address.slice(prefix.length);
  return address.startsWith(`${sheets[0]}!`) ? address.slice(sheets[0].length + 1) : address;
}

export function countLeaves(nodes: CriterionNode[]): number {
  return nodes.reduce((n, c) => n + (c.children.length === 0 ? 1 : countLeaves(c.children)), 0);
}
