/**
 * Step 4, "Giao ước": the covenant (as a print-ready sheet or a Word file to download) and the
 * self-score templates for each member unit, all from the profile and the criteria read.
 */
import * as React from "react";
import {
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  tokens,
} from "@fluentui/react-components";
import {
  DocumentTableRegular,
  DocumentArrowDownRegular,
  DocumentPrintRegular,
  FormNewRegular,
} from "@fluentui/react-icons";
import { usePane } from "../context";
import type { MeetingDoc, Reading } from "../service";
import type { PaneKey } from "../strings";
import { ErrorBar } from "./ErrorBar";
import { MeetingEntry } from "./MeetingEntry";
import { Progress, useReveal, useTask } from "./Progress";
import { download } from "../download";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  heading: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300, margin: 0 },
  block: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    alignItems: "flex-start",
  },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
  },
});

export function OutputsStep({
  reading,
  onReading,
}: {
  reading: Reading | null;
  onReading: (r: Reading) => void;
}): React.JSX.Element {
  const styles = useStyles();
  const { service, lang, t, goTo } = usePane();
  const { busy, error, clearError, runAs, task } = useTask();
  const [done, setDone] = React.useState<string | null>(null);
  const [unnamed, setUnnamed] = React.useState(false);
  const [previewing, setPreviewing] = React.useState(false);
  const [previewError, setPreviewError] = React.useState<unknown>(null);

  React.useEffect(() => {
    let live = true;
    service.loadProfile().then(
      (p) => live && setUnnamed(p.clusterName.trim() === "" || p.members.length === 0),
      // The buttons report a failure when pressed.
      () => undefined
    );
    return () => {
      live = false;
    };
  }, [service]);

  const revealed = useReveal<HTMLDivElement>(done);
  const ensureReading = async (): Promise<Reading> => {
    if (reading) return reading;
    const r = await service.read(undefined, lang);
    onReading(r);
    return r;
  };

  const covenant = (as: "sheet" | "docx"): void => {
    setDone(null);
    void runAs(t(as === "docx" ? "covenantDocx" : "covenantSheet"), async () => {
      const r = await ensureReading();
      const res = await service.buildCovenant(as, r, lang);
      if (res.kind === "docx") {
        download(res.blob, res.fileName);
        setDone(t("covenantDocxDone", { file: res.fileName }));
      } else {
        setDone(t("covenantSheetDone", { sheet: res.sheetName }));
      }
    });
  };
  const preview = (): void => {
    const open = service.openPreview?.bind(service);
    if (!open) return;
    setDone(null);
    setPreviewError(null);
    void runAs(t("previewButton"), async () => {
      const handle = await open(await ensureReading(), lang);
      const opened = t("previewOpen");
      setPreviewing(true);
      setDone(opened);
      // The dialog outlives this call: the pane stays usable while it is open.
      const over = (e?: unknown): void => {
        setPreviewing(false);
        setDone((d) => (d === opened ? null : d));
        if (e) setPreviewError(e);
      };
      handle.closed.then(() => over(), over);
    });
  };
  const meeting = (doc: MeetingDoc, label: PaneKey): void => {
    setDone(null);
    void runAs(t(label), async () => {
      const r = await ensureReading();
      const res = await service.buildMeetingDoc(doc, r, lang);
      download(res.blob, res.fileName);
      setDone(t("covenantDocxDone", { file: res.fileName }));
    });
  };
  const templates = (): void => {
    setDone(null);
    void runAs(t("templatesButton"), async () => {
      const r = await ensureReading();
      const res = await service.buildTemplates(r, lang);
      setDone(
        t("templatesDone", { count: res.sheetNames.length, sheets: res.sheetNames.join(", ") })
      );
    });
  };

  return (
    <section className={styles.root} aria-labelledby="out-title">
      <h2 id="out-title" className={styles.heading}>
        {t("outputsTitle")}
      </h2>
      <Caption1>{t("outputsHint")}</Caption1>
      {unnamed && (
        <MessageBar intent="info">
          <MessageBarBody>{t("profileIncomplete")}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => goTo("profile")}>
              {t("openProfile")}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <div className={styles.block}>
        <h3 className={styles.heading}>{t("covenantTitle")}</h3>
        <div className={styles.actions}>
          <Button icon={<DocumentTableRegular />} onClick={() => covenant("sheet")} disabled={busy}>
            {t("covenantSheet")}
          </Button>
          <Button
            icon={<DocumentArrowDownRegular />}
            onClick={() => covenant("docx")}
            disabled={busy}
          >
            {t("covenantDocx")}
          </Button>
          {service.openPreview && (
            <Button icon={<DocumentPrintRegular />} onClick={preview} disabled={busy || previewing}>
              {t("previewButton")}
            </Button>
          )}
        </div>
      </div>
      <div className={styles.block}>
        <h3 className={styles.heading}>{t("meetingTitle")}</h3>
        <Caption1>{t("meetingHint")}</Caption1>
        <div className={styles.actions}>
          {(
            [
              ["minutes", "meetingMinutes"],
              ["votes", "meetingVotes"],
              ["proposal", "meetingProposal"],
            ] as const
          ).map(([doc, label]) => (
            <Button
              key={doc}
              icon={<DocumentArrowDownRegular />}
              onClick={() => meeting(doc, label)}
              disabled={busy}
            >
              {t(label)}
            </Button>
          ))}
        </div>
        <MeetingEntry
          reading={reading}
          ensureReading={() => runAs(t("meetingTitle"), ensureReading)}
          disabled={busy}
        />
      </div>
      <div className={styles.block}>
        <h3 className={styles.heading}>{t("templatesTitle")}</h3>
        <Caption1>{t("templatesHint")}</Caption1>
        <Button icon={<FormNewRegular />} onClick={templates} disabled={busy}>
          {t("templatesButton")}
        </Button>
      </div>
      <Progress busy={busy} label={task} />
      <ErrorBar error={error} onDismiss={clearError} />
      <ErrorBar error={previewError} onDismiss={() => setPreviewError(null)} />
      <div role="status" aria-live="polite" ref={revealed}>
        {done && (
          <MessageBar intent="success">
            <MessageBarBody>{done}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    </section>
  );
}
