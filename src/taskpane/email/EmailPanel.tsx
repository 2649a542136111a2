/**
 * The email tab: send the forms out, take the returned ones in (file picker or drag-and-drop, read in
 * the browser), check and freeze before sending the results on. Self-contained: it gets an
 * EmailService and the language; the lead mounts it inside the pane's FluentProvider.
 */
import * as React from "react";
import {
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  shorthands,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import {
  DocumentCheckmarkRegular,
  FolderOpenRegular,
  LockClosedRegular,
} from "@fluentui/react-icons";
import type { Lang } from "../../core/i18n";
import type { ConsolidateResult, SummaryValue, ValueSource } from "../../core/returns";
import { BeforeSending } from "./BeforeSending";
import { SendForms } from "./SendForms";
import type { Choices, EmailService, PickedFile, ReadProgress } from "./service";
import { EmailServiceError } from "./service";
import { Receipt, receiptIssueCount } from "./Receipt";
import { useSectionStyles } from "./section-styles";
import { EMAIL_STRINGS, type EmailKey } from "./strings";
import { intentOf } from "./ui";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  status: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    paddingBlock: tokens.spacingVerticalXS,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  drop: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalL,
    textAlign: "center",
    color: tokens.colorNeutralForeground2,
  },
  dropActive: {
    ...shorthands.borderColor(tokens.colorBrandStroke1),
    backgroundColor: tokens.colorBrandBackground2,
  },
  conflict: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  hidden: { display: "none" },
});

/** File.arrayBuffer where the webview has it, FileReader where it does not (older Edge webviews). */
function readBytes(file: File): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === "function") return file.arrayBuffer();
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(r.result as ArrayBuffer);
    r.onerror = () => reject(r.error);
    r.readAsArrayBuffer(file);
  });
}

export interface EmailPanelProps {
  service: EmailService;
  lang: Lang;
}

export function EmailPanel({ service, lang }: EmailPanelProps): React.JSX.Element {
  const styles = useStyles();
  const shared = useSectionStyles();
  const t = React.useCallback(
    (k: EmailKey, p?: Record<string, string | number>) => EMAIL_STRINGS.t(lang, k, p),
    [lang]
  );
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);

  const [files, setFiles] = React.useState<PickedFile[]>([]);
  // The file being read, while a batch of returned forms is read one at a time.
  const [progress, setProgress] = React.useState<ReadProgress | null>(null);
  const [preview, setPreview] = React.useState<ConsolidateResult | null>(null);
  const [choices, setChoices] = React.useState<Choices>({});
  // Refused forms the head took anyway ("Vẫn nhận"), by file name.
  const [accepted, setAccepted] = React.useState<string[]>([]);
  const [written, setWritten] = React.useState<string | null>(null);
  const [dragging, setDragging] = React.useState(false);
  const inputRef = React.useRef<HTMLInputElement>(null);

  const run = async (work: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      // Reading a dozen returned workbooks is heavy synchronous work: let the spinner paint first.
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      await work();
    } catch (e) {
      setError(
        e instanceof EmailServiceError
          ? t("error", { reason: e.userMessage })
          : t("errorUnexpected")
      );
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  const takeFiles = (list: FileList | File[] | null): void => {
    if (!list) return;
    // Every file goes to the reader, whatever its name: a Word table is read, and a PDF, an old .xls or
    // a broken file comes back listed with its reason instead of being dropped here unread.
    const ok = Array.from(list);
    if (ok.length === 0) return;
    void run(async () => {
      const picked: PickedFile[] = [];
      for (const f of ok) picked.push({ name: f.name, bytes: await readBytes(f) });
      setFiles(picked);
      setChoices({});
      setAccepted([]);
      setWritten(null);
      setPreview(await service.previewReturns(picked, lang, {}, [], setProgress));
    });
  };

  const write = (): void =>
    void run(async () => {
      const res = await service.writeReturns(files, lang, choices, accepted, setProgress);
      setPreview(res.result);
      if (res.sheetName)
        setWritten(
          t("writeDone", { sheet: res.sheetName, units: res.result.summary?.units.length ?? 0 })
        );
      else if (res.result.blocked) setWritten(t("blocked", { reason: res.result.blocked }));
      else setWritten(t("nothingToWrite"));
    });

  const acceptForm = (file: string): void =>
    void run(async () => {
      const next = [...accepted, file];
      setAccepted(next);
      setWritten(null);
      setPreview(await service.previewReturns(files, lang, choices, next, setProgress));
    });

  const showValue = (v: SummaryValue): string => (v === null ? t("blank") : String(v));
  const source = (s: ValueSource): string => [s.file, s.cell].filter(Boolean).join(" ");

  return (
    <div className={styles.root} aria-busy={busy}>
      {/* Import and write buttons sit far down a 320 px pane: the progress and the failure stay
          in sight at the top of the pane while the officer is scrolled down to them. */}
      {(busy || error) && (
        <div className={styles.status}>
          {busy && (
            <Spinner
              size="tiny"
              label={
                progress
                  ? t("readingFile", {
                      index: progress.index,
                      total: progress.total,
                      file: progress.file,
                    })
                  : t("working")
              }
            />
          )}
          {error && (
            <MessageBar intent="error">
              <MessageBarBody>{error}</MessageBarBody>
            </MessageBar>
          )}
        </div>
      )}

      <SendForms service={service} lang={lang} busy={busy} run={(w) => void run(w)} />

      <section className={shared.section} aria-labelledby="thidua-email-collect">
        <h3 id="thidua-email-collect" className={shared.heading}>
          {t("collectTitle")}
        </h3>
        <Caption1>
          <LockClosedRegular aria-hidden /> {t("privacy")}
        </Caption1>
        <div
          role="region"
          aria-label={t("dropZone")}
          className={dragging ? `${styles.drop} ${styles.dropActive}` : styles.drop}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            takeFiles(e.dataTransfer?.files ?? null);
          }}
        >
          <div>{t("dropZone")}</div>
          <Button
            icon={<FolderOpenRegular />}
            disabled={busy}
            onClick={() => inputRef.current?.click()}
          >
            {t("pickButton")}
          </Button>
          <input
            ref={inputRef}
            className={styles.hidden}
            type="file"
            multiple
            accept=".xlsx,.docx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            aria-label={t("pickLabel")}
            onChange={(e) => {
              takeFiles(e.currentTarget.files);
              e.currentTarget.value = "";
            }}
          />
        </div>
        {files.length > 0 && (
          <Caption1>
            {t("filesChosen", { count: files.length, files: files.map((f) => f.name).join(", ") })}
          </Caption1>
        )}

        {preview && (
          <>
            <Receipt units={preview.units} lang={lang} busy={busy} onAccept={acceptForm} />

            <h4 className={shared.heading}>
              {t("problemsTitle", {
                count: preview.problems.length + receiptIssueCount(preview.units),
              })}
            </h4>
            {preview.problems.length === 0 ? (
              <Caption1>{t("noProblems")}</Caption1>
            ) : (
              <ul
                className={shared.list}
                aria-label={t("problemsTitle", { count: preview.problems.length })}
              >
                {preview.problems.map((p, i) => (
                  <li key={i}>
                    <MessageBar intent={intentOf(p.severity)}>
                      <MessageBarBody>{p.message}</MessageBarBody>
                    </MessageBar>
                  </li>
                ))}
              </ul>
            )}

            {preview.conflicts.length > 0 && (
              <>
                <h4 className={shared.heading}>
                  {t("conflictsTitle", { count: preview.conflicts.length })}
                </h4>
                <Caption1>{t("conflictsHint")}</Caption1>
                {preview.conflicts.map((c) => (
                  <div key={c.id} className={styles.conflict}>
                    <span>
                      {c.unit} · {c.code} {c.criterion} · {c.message}
                    </span>
                    <RadioGroup
                      aria-label={`${c.unit} · ${c.criterion}`}
                      value={choices[c.id] ?? "keep-existing"}
                      onChange={(_, d) =>
                        setChoices((prev) => ({
                          ...prev,
                          [c.id]: d.value as "keep-existing" | "take-incoming",
                        }))
                      }
                    >
                      <Radio
                        value="keep-existing"
                        label={t("keepExisting", {
                          value: showValue(c.existing.value),
                          source: source(c.existing),
                        })}
                      />
                      <Radio
                        value="take-incoming"
                        label={t("takeIncoming", {
                          value: showValue(c.incoming.value),
                          source: source(c.incoming),
                        })}
                      />
                    </RadioGroup>
                  </div>
                ))}
              </>
            )}

            <div className={shared.actions}>
              <Button
                appearance="primary"
                icon={<DocumentCheckmarkRegular />}
                disabled={busy || files.length === 0}
                onClick={write}
              >
                {t("writeButton")}
              </Button>
            </div>
          </>
        )}
        {written && (
          <MessageBar intent={preview?.summary ? "success" : "warning"}>
            <MessageBarBody>{written}</MessageBarBody>
          </MessageBar>
        )}
      </section>

      <BeforeSending service={service} lang={lang} busy={busy} run={(w) => void run(w)} />
    </div>
  );
}
