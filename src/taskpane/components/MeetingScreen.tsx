/**
 * Họp cụm: what the meeting did (date, place, who came, the ballots, the votes for each unit the
 * ranking proposes, next year's head and deputy) entered once, then the vote tally written as a
 * sheet and the minutes, the count and the award proposal downloaded as Word files. Loaded on
 * demand from the Giao ước step.
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
  MessageBarActions,
  MessageBarBody,
  Select,
  tokens,
} from "@fluentui/react-components";
import {
  ArrowUndoRegular,
  DocumentArrowDownRegular,
  DocumentTableRegular,
} from "@fluentui/react-icons";
import type { Params } from "../../core/i18n";
import { usePane } from "../context";
import { download } from "../download";
import type { MeetingEntries, MeetingProblem, MeetingSetup } from "../meeting-api";
import type { MeetingDoc, MeetingService, Reading, ThiduaService } from "../service";
import { ErrorBar } from "./ErrorBar";
import { MEETING_PANE_STRINGS, type MeetingPaneKey } from "./meeting-strings";
import { Progress, useReveal, useTask } from "./Progress";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  heading: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300, margin: 0 },
  group: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    border: "none",
    margin: 0,
    padding: 0,
    minWidth: 0,
  },
  legend: {
    fontWeight: tokens.fontWeightSemibold,
    padding: 0,
    marginBottom: tokens.spacingVerticalXS,
  },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  count: { width: "9em" },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
  },
});

/**
 * What was typed, kept per pane (its service) while the pane is open: closing the screen, opening
 * another step or switching the language never loses the meeting's figures.
 */
const kept = new WeakMap<ThiduaService, MeetingEntries>();

function initialEntries(setup: MeetingSetup): MeetingEntries {
  return {
    date: setup.today,
    venue: "",
    attendance: setup.members.map((unit) => ({ unit, present: true })),
    issued: "",
    returned: "",
    valid: "",
    votes: setup.candidates.map((c) => ({ name: c.name, votes: "" })),
    nextHead: setup.nextHead,
    nextDeputy: setup.nextDeputy,
  };
}

/** Entries kept from before, fitted to the current members and candidates (a new reading may differ). */
function fitted(e: MeetingEntries, setup: MeetingSetup): MeetingEntries {
  return {
    ...e,
    attendance: setup.members.map(
      (unit) => e.attendance.find((a) => a.unit === unit) ?? { unit, present: true }
    ),
    votes: setup.candidates.map(
      (c) => e.votes.find((v) => v.name === c.name) ?? { name: c.name, votes: "" }
    ),
  };
}

export interface MeetingScreenProps {
  reading: Reading;
  onClose?: () => void;
}

export default function MeetingScreen({ reading, onClose }: MeetingScreenProps): React.JSX.Element {
  const styles = useStyles();
  const { service, lang } = usePane();
  const t = React.useCallback(
    (key: MeetingPaneKey, params?: Params) => MEETING_PANE_STRINGS.t(lang, key, params),
    [lang]
  );
  const { busy, error, clearError, runAs, task } = useTask();
  const [meeting, setMeeting] = React.useState<MeetingService | null>(null);
  const [setup, setSetup] = React.useState<MeetingSetup | null>(null);
  const [entries, setEntriesState] = React.useState<MeetingEntries | null>(
    () => kept.get(service) ?? null
  );
  const [written, setWritten] = React.useState<string | null>(null);
  const [done, setDone] = React.useState<string | null>(null);
  const revealed = useReveal<HTMLDivElement>(done);

  const setEntries = React.useCallback(
    (update: (e: MeetingEntries) => MeetingEntries) =>
      setEntriesState((e) => {
        if (!e) return e;
        const next = update(e);
        kept.set(service, next);
        return next;
      }),
    [service]
  );

  // A language switch reads the sheets again: the setup follows the new reading, the entries stay.
  React.useEffect(() => {
    let live = true;
    void runAs(t("loading"), async () => {
      const m = meeting ?? (await service.meeting?.());
      if (!m) return;
      const s = await m.setup(reading, lang);
      if (!live) return;
      setMeeting(m);
      setSetup(s);
      setEntriesState((e) => {
        const next = e ? fitted(e, s) : initialEntries(s);
        kept.set(service, next);
        return next;
      });
    });
    return () => {
      live = false;
    };
    // The meeting service is loaded once; `meeting` is left out so loading it does not run this again.
  }, [service, reading, lang]);

  const problems: MeetingProblem[] = meeting && entries ? meeting.check(entries) : [];
  const results = meeting && entries && setup ? meeting.results(entries, setup.threshold) : [];
  const percent = (share: number): string => {
    const s = (Math.round(share * 10000) / 100).toFixed(2);
    return `${lang === "vi" ? s.replace(".", ",") : s} %`;
  };
  /** K7 as the tally will show it: the share of the ballots returned, and the result when a threshold is set. */
  const resultOf = (i: number): string | undefined => {
    const r = results[i];
    if (!r || r.share === null || !setup) return undefined;
    const share = percent(r.share);
    if (r.passes === null || setup.threshold === null) return t("share", { share });
    return t(r.passes ? "passes" : "fails", { share, threshold: percent(setup.threshold) });
  };
  const problemOf = (field: MeetingProblem["field"]): string | undefined => {
    const p = problems.find((x) => x.field === field);
    return p ? t(p.key, p.params) : undefined;
  };
  const blocked = busy || !meeting || !entries || problems.length > 0;

  const writeTally = (): void => {
    if (!meeting || !entries) return;
    setDone(null);
    void runAs(t("writeTally"), async () => {
      const { sheetName } = await meeting.writeTally(reading, entries, lang);
      setWritten(sheetName);
      setDone(t("tallyDone", { sheet: sheetName }));
    });
  };
  const undo = (): void => {
    if (!meeting || !written) return;
    const sheet = written;
    setDone(null);
    void runAs(t("undo"), async () => {
      const removed = await meeting.undoTally(sheet);
      setWritten(null);
      setDone(t(removed ? "undoDone" : "undoGone", { sheet }));
    });
  };
  const doc = (which: MeetingDoc): void => {
    if (!meeting || !entries) return;
    setDone(null);
    void runAs(t(which), async () => {
      const res = await meeting.buildDoc(which, reading, entries, lang);
      download(res.blob, res.fileName);
      setDone(t("docDone", { file: res.fileName }));
    });
  };

  const khoi = setup?.kind === "khoi";
  const present = entries?.attendance.filter((a) => a.present).length ?? 0;

  return (
    <section className={styles.root} aria-labelledby="meeting-title">
      <h3 id="meeting-title" className={styles.heading}>
        {t("title")}
      </h3>
      <Caption1>{t("hint")}</Caption1>
      {setup && (
        <Caption1>
          {setup.year > 0
            ? t("printsAs", { cluster: setup.cluster, year: setup.year })
            : t("yearUnknown")}
        </Caption1>
      )}
      {entries && setup && (
        <>
          <div className={styles.row}>
            <Field label={t("date")} validationMessage={problemOf("date")}>
              <Input
                type="date"
                value={entries.date}
                onChange={(_, d) => setEntries((e) => ({ ...e, date: d.value }))}
              />
            </Field>
            <Field label={t("venue")}>
              <Input
                value={entries.venue}
                placeholder={t("venuePlaceholder")}
                onChange={(_, d) => setEntries((e) => ({ ...e, venue: d.value }))}
              />
            </Field>
          </div>
          <fieldset className={styles.group}>
            <legend className={styles.legend}>
              {t("attendance", { present, total: entries.attendance.length })}
            </legend>
            {entries.attendance.map((a, i) => (
              <Checkbox
                key={a.unit}
                label={a.unit}
                checked={a.present}
                onChange={(_, d) =>
                  setEntries((e) => ({
                    ...e,
                    attendance: e.attendance.map((x, j) =>
                      j === i ? { ...x, present: d.checked === true } : x
                    ),
                  }))
                }
              />
            ))}
          </fieldset>
          <fieldset className={styles.group}>
            <legend className={styles.legend}>{t("ballots")}</legend>
            <div className={styles.row}>
              {(["issued", "returned", "valid"] as const).map((k) => (
                <Field key={k} label={t(k)} validationMessage={problemOf(k)}>
                  <Input
                    className={styles.count}
                    inputMode="numeric"
                    value={entries[k]}
                    onChange={(_, d) => setEntries((e) => ({ ...e, [k]: d.value }))}
                  />
                </Field>
              ))}
            </div>
          </fieldset>
          <fieldset className={styles.group}>
            <legend className={styles.legend}>{t("votesHeading")}</legend>
            {setup.candidates.length === 0 && <Caption1>{t("noCandidates")}</Caption1>}
            {setup.candidates.map((c, i) => (
              <Field
                key={c.name}
                label={t("candidateLabel", {
                  name: c.name,
                  rank: c.rank,
                  award: c.award ?? t("pendingAward"),
                })}
                validationMessage={problemOf(`votes:${i}`)}
                hint={problemOf(`votes:${i}`) ? undefined : resultOf(i)}
              >
                <Input
                  className={styles.count}
                  inputMode="numeric"
                  value={entries.votes[i]?.votes ?? ""}
                  onChange={(_, d) =>
                    setEntries((e) => ({
                      ...e,
                      votes: e.votes.map((v, j) => (j === i ? { ...v, votes: d.value } : v)),
                    }))
                  }
                />
              </Field>
            ))}
          </fieldset>
          <fieldset className={styles.group}>
            <legend className={styles.legend}>
              {t("rotationHeading", {
                head: t(khoi ? "headKhoi" : "headCum"),
                deputy: t(khoi ? "deputyKhoi" : "deputyCum"),
                next: setup.year > 0 ? setup.year + 1 : t("nextYear"),
              })}
            </legend>
            <Caption1>{t("rotationHint")}</Caption1>
            <div className={styles.row}>
              {(["nextHead", "nextDeputy"] as const).map((k) => (
                <Field
                  key={k}
                  label={t(
                    k === "nextHead"
                      ? khoi
                        ? "headKhoi"
                        : "headCum"
                      : khoi
                        ? "deputyKhoi"
                        : "deputyCum"
                  )}
                  validationMessage={problemOf(k)}
                >
                  <Select
                    value={entries[k]}
                    onChange={(_, d) => setEntries((e) => ({ ...e, [k]: d.value }))}
                  >
                    <option value="">{t("nobody")}</option>
                    {setup.members.map((m) => (
                      <option key={m} value={m}>
                        {m}
                      </option>
                    ))}
                  </Select>
                </Field>
              ))}
            </div>
          </fieldset>
          {problems.length > 0 && (
            <MessageBar intent="warning">
              <MessageBarBody>{t("problems", { count: problems.length })}</MessageBarBody>
            </MessageBar>
          )}
          <div className={styles.actions}>
            <Button
              appearance="primary"
              icon={<DocumentTableRegular />}
              onClick={writeTally}
              disabled={blocked}
            >
              {t("writeTally")}
            </Button>
            {(["minutes", "votes", "proposal"] as const).map((which) => (
              <Button
                key={which}
                icon={<DocumentArrowDownRegular />}
                onClick={() => doc(which)}
                disabled={blocked}
              >
                {t(which)}
              </Button>
            ))}
            {onClose && (
              <Button appearance="subtle" onClick={onClose} disabled={busy}>
                {t("close")}
              </Button>
            )}
          </div>
        </>
      )}
      <Progress busy={busy} label={task} />
      <ErrorBar error={error} onDismiss={clearError} />
      <div role="status" aria-live="polite" ref={revealed}>
        {done && (
          <MessageBar intent="success">
            <MessageBarBody>{done}</MessageBarBody>
            {written && (
              <MessageBarActions>
                <Button size="small" icon={<ArrowUndoRegular />} onClick={undo} disabled={busy}>
                  {t("undo")}
                </Button>
              </MessageBarActions>
            )}
          </MessageBar>
        )}
      </div>
    </section>
  );
}
