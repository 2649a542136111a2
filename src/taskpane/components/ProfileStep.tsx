/**
 * Step 5, "Cấu hình": the cluster profile (DOMAIN.md §9), saved in the workbook so whoever opens the
 * emailed file sees the same configuration. Every [practice] default is visible and editable here.
 */
import * as React from "react";
import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { AddRegular, DeleteRegular, ArrowUpRegular, SaveRegular } from "@fluentui/react-icons";
import type { ClusterProfile, TieBreakKey } from "../../core/profile";
import { usePane } from "../context";
import type { Reading } from "../service";
import type { PaneKey } from "../strings";
import { ErrorBar } from "./ErrorBar";
import { Progress, useTask } from "./Progress";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  heading: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300, margin: 0 },
  group: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    margin: 0,
    minWidth: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, paddingInline: tokens.spacingHorizontalXS },
  two: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(120px, 1fr))",
    gap: tokens.spacingHorizontalS,
    alignItems: "start",
    minWidth: 0,
  },
  band: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) 80px auto",
    // A 320 px pane cannot show a band's label beside its minimum: the label takes its own line.
    "@media (max-width: 400px)": { gridTemplateColumns: "minmax(0, 1fr) auto" },
    gap: tokens.spacingHorizontalXS,
    alignItems: "end",
  },
  bandLabel: { "@media (max-width: 400px)": { gridColumn: "1 / -1" } },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  // Fluent inputs size to their content (20 characters) by default: too wide for a 320 px pane.
  fill: { width: "100%", minWidth: 0, maxWidth: "100%", boxSizing: "border-box" },
  fillInput: { width: "100%", minWidth: 0 },
  saveBar: {
    paddingBlock: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
  },
});

const TIE_KEYS: { key: TieBreakKey; label: PaneKey }[] = [
  { key: "section-1", label: "tieSection1" },
  { key: "more-bonus", label: "tieMoreBonus" },
  { key: "fewer-deductions", label: "tieFewerDeductions" },
];

/** "8,5" and "8.5" both parse (N1); "" is null so optional settings can be cleared. */
function parseNum(text: string): number | null {
  const s = text.trim().replace(/\s/g, "").replace(",", ".");
  if (s === "") return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/**
 * A number input that keeps what the user typed ("0," on the way to "0,5") and reports the parsed
 * value; a controlled numeric value would eat the comma mid-typing.
 */
function NumberInput({
  label,
  value,
  onValue,
  hint,
  suffix,
  min,
}: {
  label: string;
  value: number | null;
  onValue: (n: number | null) => void;
  hint?: string;
  suffix?: string;
  min?: number;
}): React.JSX.Element {
  const { lang } = usePane();
  const styles = useStyles();
  const show = (n: number | null): string =>
    n === null ? "" : lang === "vi" ? String(n).replace(".", ",") : String(n);
  const [text, setText] = React.useState(show(value));
  React.useEffect(() => {
    if (parseNum(text) !== value) setText(show(value));
    // Only external changes (load, suggestion) should overwrite what is being typed.
  }, [value]);
  const parsed = parseNum(text);
  const invalid = text.trim() !== "" && (parsed === null || (min !== undefined && parsed < min));
  return (
    <Field label={label} hint={hint} validationState={invalid ? "error" : "none"}>
      <Input
        className={styles.fill}
        input={{ className: styles.fillInput }}
        inputMode="decimal"
        value={text}
        contentAfter={suffix}
        onChange={(_, d) => {
          setText(d.value);
          const n = parseNum(d.value);
          if (d.value.trim() === "" || (n !== null && (min === undefined || n >= min))) onValue(n);
        }}
      />
    </Field>
  );
}

/** Reasons typed as "a; b": kept as typed so the separator survives until the next word. */
function ReasonsInput({
  unit,
  reasons,
  onReasons,
}: {
  unit: string;
  reasons: string[];
  onReasons: (r: string[]) => void;
}): React.JSX.Element {
  const { t } = usePane();
  const styles = useStyles();
  const [text, setText] = React.useState(reasons.join("; "));
  return (
    <Field label={unit}>
      <Input
        className={styles.fill}
        input={{ className: styles.fillInput }}
        value={text}
        placeholder={t("eligiblePlaceholder")}
        aria-label={t("eligibilityFor", { unit })}
        onChange={(_, d) => {
          setText(d.value);
          onReasons(
            d.value
              .split(";")
              .map((s) => s.trim())
              .filter((s) => s !== "")
          );
        }}
      />
    </Field>
  );
}

export function ProfileStep({ reading }: { reading: Reading | null }): React.JSX.Element {
  const styles = useStyles();
  const { service, lang, t } = usePane();
  const { busy, error, clearError, run, runAs, task } = useTask();
  const [p, setP] = React.useState<ClusterProfile | null>(null);
  const [saved, setSaved] = React.useState(false);

  const [fromTitle, setFromTitle] = React.useState(false);

  React.useEffect(() => {
    void run(async () => {
      const loaded = await service.loadProfile();
      // §8: a cluster not set up yet takes its name, kind, year and period from the sheet's own
      // title, shown here for confirmation and saved only when the officer saves.
      const title = reading?.title;
      if (title && loaded.clusterName.trim() === "" && (title.clusterName || title.year)) {
        setP({
          ...loaded,
          clusterName: title.clusterName ?? loaded.clusterName,
          kind: title.kind ?? loaded.kind,
          year: title.year ?? loaded.year,
          period: title.period ?? loaded.period,
        });
        setFromTitle(true);
      } else setP(loaded);
    });
  }, [service, run, reading]);

  if (!p) {
    return (
      <section className={styles.root} aria-labelledby="profile-title">
        <h2 id="profile-title" className={styles.heading}>
          {t("profileTitle")}
        </h2>
        {busy && <Spinner size="tiny" label={t("loadingProfile")} />}
        <ErrorBar error={error} onDismiss={clearError} />
      </section>
    );
  }

  const edit = (patch: Partial<ClusterProfile>): void => {
    setSaved(false);
    setP({ ...p, ...patch });
  };
  const rotation = service.suggestRotation(p);
  const bandProblems = service.checkBands(p.bands, lang);
  const memberOptions = p.members.filter((m) => m.trim() !== "");
  const reasonsOf = (unit: string): string[] =>
    p.eligibility.find((e) => e.unit === unit)?.reasons ?? [];
  const setReasons = (unit: string, reasons: string[]): void => {
    const rest = p.eligibility.filter((e) => e.unit !== unit);
    edit({ eligibility: reasons.length > 0 ? [...rest, { unit, reasons }] : rest });
  };
  const save = (): void => {
    void runAs(t("saveProfile"), async () => {
      const clean = { ...p, members: p.members.map((m) => m.trim()).filter((m) => m !== "") };
      await service.saveProfile(clean);
      setP(clean);
      setSaved(true);
    });
  };
  const kindWord = p.kind === "khoi" ? t("kindKhoi") : t("kindCum");

  return (
    <section className={styles.root} aria-labelledby="profile-title">
      <h2 id="profile-title" className={styles.heading}>
        {t("profileTitle")}
      </h2>
      <Caption1>{t("profileHint")}</Caption1>
      {fromTitle && (
        <MessageBar intent="info">
          <MessageBarBody>{t("profileFromTitle")}</MessageBarBody>
        </MessageBar>
      )}

      <fieldset className={styles.group}>
        <legend className={styles.legend}>{t("groupCluster")}</legend>
        <Field label={t("clusterName")}>
          <Input
            className={styles.fill}
            input={{ className: styles.fillInput }}
            value={p.clusterName}
            onChange={(_, d) => edit({ clusterName: d.value })}
          />
        </Field>
        <Field label={t("clusterKind")}>
          <RadioGroup
            layout="horizontal"
            value={p.kind}
            onChange={(_, d) => edit({ kind: d.value === "khoi" ? "khoi" : "cum" })}
          >
            <Radio value="cum" label={t("kindCum")} />
            <Radio value="khoi" label={t("kindKhoi")} />
          </RadioGroup>
        </Field>
        <div className={styles.two}>
          <NumberInput
            label={t("year")}
            value={p.year}
            min={2000}
            onValue={(n) => n !== null && edit({ year: Math.round(n) })}
          />
          <Field label={t("period")}>
            <Select
              className={styles.fill}
              value={p.period}
              onChange={(_, d) => edit({ period: d.value === "so-ket" ? "so-ket" : "tong-ket" })}
            >
              <option value="so-ket">{t("periodSoKet")}</option>
              <option value="tong-ket">{t("periodTongKet")}</option>
            </Select>
          </Field>
        </div>
        <Field label={t("place")}>
          <Input
            className={styles.fill}
            input={{ className: styles.fillInput }}
            value={p.place}
            onChange={(_, d) => edit({ place: d.value })}
          />
        </Field>
        <Field label={t("issuingBody")}>
          <Input
            className={styles.fill}
            input={{ className: styles.fillInput }}
            value={p.issuingBody}
            onChange={(_, d) => edit({ issuingBody: d.value })}
          />
        </Field>
      </fieldset>

      <fieldset className={styles.group}>
        <legend className={styles.legend}>{t("groupMembers")}</legend>
        <Field label={t("members")} hint={t("membersHint")}>
          <Textarea
            className={styles.fill}
            resize="vertical"
            rows={Math.min(10, Math.max(3, p.members.length + 1))}
            value={p.members.join("\n")}
            onChange={(_, d) => edit({ members: d.value.split("\n") })}
          />
        </Field>
        {reading && reading.units.length > 0 && (
          <div>
            <Button
              size="small"
              onClick={() => edit({ members: reading.units.map((u) => u.unit) })}
            >
              {t("membersFromSheet", { count: reading.units.length })}
            </Button>
          </div>
        )}
        <div className={styles.two}>
          <Field label={t("head", { kind: kindWord })}>
            <Select
              className={styles.fill}
              value={p.head}
              onChange={(_, d) => edit({ head: d.value })}
            >
              <option value="">{t("notChosen")}</option>
              {memberOptions.map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("deputy", { kind: kindWord })}>
            <Select
              className={styles.fill}
              value={p.deputy}
              onChange={(_, d) => edit({ deputy: d.value })}
            >
              <option value="">{t("notChosen")}</option>
              {memberOptions.map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        {rotation && (
          <div className={styles.row}>
            <Caption1>
              {t("rotationSuggestion", { head: rotation.head, deputy: rotation.deputy })}
            </Caption1>
            <Button
              size="small"
              onClick={() => edit({ head: rotation.head, deputy: rotation.deputy })}
            >
              {t("applySuggestion")}
            </Button>
          </div>
        )}
      </fieldset>

      <fieldset className={styles.group}>
        <legend className={styles.legend}>{t("groupScoring")}</legend>
        <div className={styles.two}>
          <NumberInput
            label={t("precision")}
            value={p.precision}
            min={0}
            onValue={(n) => n !== null && edit({ precision: Math.min(6, Math.round(n)) })}
          />
          <NumberInput
            label={t("bonusCap")}
            hint={t("bonusCapHint")}
            value={p.bonusCap}
            min={0}
            onValue={(n) => edit({ bonusCap: n })}
          />
        </div>
        <div role="group" aria-labelledby="tie-label">
          <Caption1 id="tie-label">{t("tieBreak")}</Caption1>
          {TIE_KEYS.map(({ key, label }) => {
            const at = p.tieBreak.indexOf(key);
            return (
              <div key={key} className={styles.row}>
                <Checkbox
                  label={at >= 0 ? `${at + 1}. ${t(label)}` : t(label)}
                  checked={at >= 0}
                  onChange={(_, d) =>
                    edit({
                      tieBreak: d.checked
                        ? [...p.tieBreak, key]
                        : p.tieBreak.filter((k) => k !== key),
                    })
                  }
                />
                {at > 0 && (
                  <Button
                    size="small"
                    appearance="subtle"
                    icon={<ArrowUpRegular />}
                    aria-label={t("moveUp", { item: t(label) })}
                    onClick={() => {
                      const next = p.tieBreak.slice();
                      [next[at - 1], next[at]] = [next[at], next[at - 1]];
                      edit({ tieBreak: next });
                    }}
                  />
                )}
              </div>
            );
          })}
        </div>
      </fieldset>

      <fieldset className={styles.group}>
        <legend className={styles.legend}>{t("groupBands")}</legend>
        <Caption1>{t("bandsHint")}</Caption1>
        {p.bands.map((b, i) => (
          <div key={i} className={styles.band}>
            <Field className={styles.bandLabel} label={t("bandLabel", { n: i + 1 })}>
              <Input
                className={styles.fill}
                input={{ className: styles.fillInput }}
                value={b.label}
                onChange={(_, d) =>
                  edit({ bands: p.bands.map((x, k) => (k === i ? { ...x, label: d.value } : x)) })
                }
              />
            </Field>
            <NumberInput
              label={t("bandMin")}
              suffix="%"
              min={0}
              value={Math.round(b.minShare * 10000) / 100}
              onValue={(n) =>
                edit({
                  bands: p.bands.map((x, k) => (k === i ? { ...x, minShare: (n ?? 0) / 100 } : x)),
                })
              }
            />
            <Button
              appearance="subtle"
              icon={<DeleteRegular />}
              aria-label={t("removeBand", { label: b.label || String(i + 1) })}
              onClick={() => edit({ bands: p.bands.filter((_, k) => k !== i) })}
            />
          </div>
        ))}
        <div>
          <Button
            size="small"
            icon={<AddRegular />}
            onClick={() => edit({ bands: [...p.bands, { label: "", minShare: 0 }] })}
          >
            {t("addBand")}
          </Button>
        </div>
        {bandProblems.length > 0 && (
          <MessageBar intent="warning">
            <MessageBarBody>
              {t("bandProblems")}
              <ul style={{ margin: 0, paddingLeft: 16 }}>
                {bandProblems.map((b, i) => (
                  <li key={i}>{b.message}</li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        )}
      </fieldset>

      <fieldset className={styles.group}>
        <legend className={styles.legend}>{t("groupAwards")}</legend>
        <Field label={t("flagLabel")}>
          <Input
            className={styles.fill}
            input={{ className: styles.fillInput }}
            value={p.awards.flagLabel}
            onChange={(_, d) => edit({ awards: { ...p.awards, flagLabel: d.value } })}
          />
        </Field>
        <NumberInput
          label={t("flagSlots")}
          min={0}
          value={p.awards.flagSlots}
          onValue={(n) => edit({ awards: { ...p.awards, flagSlots: Math.round(n ?? 0) } })}
        />
        <Field label={t("meritLabel")}>
          <Input
            className={styles.fill}
            input={{ className: styles.fillInput }}
            value={p.awards.meritLabel}
            onChange={(_, d) => edit({ awards: { ...p.awards, meritLabel: d.value } })}
          />
        </Field>
        <NumberInput
          label={t("meritSlots")}
          min={0}
          value={p.awards.meritSlots}
          onValue={(n) => edit({ awards: { ...p.awards, meritSlots: Math.round(n ?? 0) } })}
        />
        <NumberInput
          label={t("voteThreshold")}
          hint={t("voteThresholdHint")}
          suffix="%"
          min={0}
          value={p.voteThreshold === null ? null : Math.round(p.voteThreshold * 10000) / 100}
          onValue={(n) => edit({ voteThreshold: n === null ? null : n / 100 })}
        />
      </fieldset>

      <fieldset className={styles.group}>
        <legend className={styles.legend}>{t("groupEligibility")}</legend>
        <Caption1>{t("eligibilityHint")}</Caption1>
        {memberOptions.length === 0 && <Caption1>{t("noMembersYet")}</Caption1>}
        {memberOptions.map((m) => (
          <ReasonsInput
            key={m}
            unit={m}
            reasons={reasonsOf(m)}
            onReasons={(r) => setReasons(m, r)}
          />
        ))}
      </fieldset>

      <fieldset className={styles.group}>
        <legend className={styles.legend}>{t("groupSignatories")}</legend>
        <Caption1>{t("signatoriesHint")}</Caption1>
        {memberOptions.length === 0 && <Caption1>{t("noMembersYet")}</Caption1>}
        {memberOptions.map((m) => (
          <Field key={m} label={m}>
            <Input
              className={styles.fill}
              input={{ className: styles.fillInput }}
              value={p.signatories[m] ?? ""}
              aria-label={t("signatoryFor", { unit: m })}
              onChange={(_, d) => edit({ signatories: { ...p.signatories, [m]: d.value } })}
            />
          </Field>
        ))}
      </fieldset>

      <div className={styles.saveBar}>
        <Button appearance="primary" icon={<SaveRegular />} onClick={save} disabled={busy}>
          {t("saveProfile")}
        </Button>
        <Progress busy={busy} label={task} />
        <span role="status" aria-live="polite">
          {saved && <Caption1>{t("profileSaved")}</Caption1>}
        </span>
      </div>
      <ErrorBar error={error} onDismiss={clearError} />
    </section>
  );
}
