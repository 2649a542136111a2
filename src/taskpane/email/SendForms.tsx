/**
 * Section 1 of the email tab: the self-score forms go out only once the head has confirmed the year
 * and the cluster they carry (prefilled from the settings, else from the score sheet's title), since
 * every returned form is checked against exactly these.
 */
import * as React from "react";
import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
} from "@fluentui/react-components";
import { ArrowDownloadRegular } from "@fluentui/react-icons";
import type { Lang } from "../../core/i18n";
import type { EmailService, FormSettings, TemplateFile } from "./service";
import { useSectionStyles } from "./section-styles";
import { EMAIL_STRINGS, type EmailKey } from "./strings";
import { download, type RunWork } from "./ui";
import { asciiFileName, zipFiles } from "../zip";

/** A dotted placeholder ("CỤM THI ĐUA ……") is no name. */
const DOTS = /^[\s.…_-]*$/;

export interface SendFormsProps {
  service: EmailService;
  lang: Lang;
  busy: boolean;
  run: RunWork;
}

export function SendForms({ service, lang, busy, run }: SendFormsProps): React.JSX.Element {
  const shared = useSectionStyles();
  const t = React.useCallback(
    (k: EmailKey, p?: Record<string, string | number>) => EMAIL_STRINGS.t(lang, k, p),
    [lang]
  );
  const [settings, setSettings] = React.useState<FormSettings | null>(null);
  const [year, setYear] = React.useState("");
  const [cluster, setCluster] = React.useState("");
  const [confirmed, setConfirmed] = React.useState(false);
  const [templates, setTemplates] = React.useState<TemplateFile[] | null>(null);
  const [note, setNote] = React.useState<string | null>(null);

  React.useEffect(() => {
    let live = true;
    service
      .formSettings(lang)
      .then((s) => {
        if (!live) return;
        setSettings(s);
        setYear(s.year !== null ? String(s.year) : "");
        setCluster(s.clusterName);
      })
      // Nothing to prefill (no workbook read yet): the head types both.
      .catch(() => live && setSettings(null));
    return () => {
      live = false;
    };
  }, [service, lang]);

  const yearNumber = /^\d{4}$/.test(year.trim()) ? Number(year.trim()) : null;
  const yearOk = yearNumber !== null && yearNumber >= 1990 && yearNumber <= 2100;
  // A name still ending in dots ("CỤM THI ĐUA ……") is the form's placeholder, not a name.
  const clusterOk = !DOTS.test(cluster) && !/[.…_]{2,}\s*$/.test(cluster);
  const ready = confirmed && yearOk && clusterOk;

  const source = (from: FormSettings["yearFrom"] | undefined): string =>
    from === "profile" ? t("fromProfile") : from === "title" ? t("fromTitle") : t("fromNone");

  const makeTemplates = (): void =>
    run(async () => {
      if (!ready || yearNumber === null) return;
      setNote(null);
      const list = await service.templateFiles(lang, {
        year: yearNumber,
        clusterName: cluster.trim(),
      });
      setTemplates(list);
      const files = list.map((f) => f.fileName).join(", ");
      if (list.length <= 1) {
        for (const f of list) download(f.blob, f.fileName);
        setNote(t("sendDone", { count: list.length, files }));
        return;
      }
      // One download, not one per member: browsers hold back a page starting many at once.
      const zip = t("zipName", { cluster: asciiFileName(cluster.trim()), year: yearNumber });
      download(await zipFiles(list), zip);
      setNote(t("sendZipDone", { count: list.length, zip, files }));
    });

  const openWorkbook = (f: TemplateFile): void =>
    run(async () => {
      if (!(await service.openTemplateWorkbook(f))) setNote(t("noCreateWorkbook"));
    });

  return (
    <section className={shared.section} aria-labelledby="thidua-email-send">
      <h3 id="thidua-email-send" className={shared.heading}>
        {t("sendTitle")}
      </h3>
      <Caption1>{t("sendHint")}</Caption1>
      <Field
        label={t("yearLabel")}
        hint={source(settings?.yearFrom)}
        validationMessage={year.trim() !== "" && !yearOk ? t("yearInvalid") : undefined}
      >
        <Input
          value={year}
          inputMode="numeric"
          onChange={(_, d) => {
            setYear(d.value);
            setConfirmed(false);
          }}
        />
      </Field>
      <Field
        label={t("clusterLabel")}
        hint={source(settings?.clusterFrom)}
        validationMessage={cluster.trim() !== "" && !clusterOk ? t("clusterMissing") : undefined}
      >
        <Input
          value={cluster}
          onChange={(_, d) => {
            setCluster(d.value);
            setConfirmed(false);
          }}
        />
      </Field>
      <Checkbox
        checked={confirmed}
        disabled={!yearOk || !clusterOk}
        label={t("confirmForms")}
        onChange={(_, d) => setConfirmed(d.checked === true)}
      />
      {!ready && <Caption1>{t("confirmFirst")}</Caption1>}
      <div className={shared.actions}>
        <Button
          appearance="primary"
          icon={<ArrowDownloadRegular />}
          disabled={busy || !ready}
          onClick={makeTemplates}
        >
          {t("sendButton")}
        </Button>
      </div>
      {note && (
        <MessageBar intent="success">
          <MessageBarBody>{note}</MessageBarBody>
        </MessageBar>
      )}
      {templates && templates.length > 0 && (
        <ul className={shared.list}>
          {templates.map((f) => (
            <li key={f.fileName}>
              {f.unit}{" "}
              <Button
                size="small"
                appearance="subtle"
                icon={<ArrowDownloadRegular />}
                aria-label={`${t("downloadOne")}: ${f.unit}`}
                title={t("downloadOne")}
                onClick={() => download(f.blob, f.fileName)}
                disabled={busy}
              />
              <Button
                size="small"
                appearance="subtle"
                onClick={() => openWorkbook(f)}
                disabled={busy}
              >
                {t("openWorkbook")}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
