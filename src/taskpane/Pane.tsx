/**
 * The pane itself, over any ThiduaService: the steps Đọc → Kiểm tra → Xếp hạng → Giao ước → Cấu hình,
 * the language switch (Vietnamese by default, following Office's display language) and the notices
 * from the ribbon command.
 */
import * as React from "react";
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Switch,
  Tab,
  TabList,
  tokens,
} from "@fluentui/react-components";
import {
  DocumentSearchRegular,
  ClipboardTaskListLtrRegular,
  TrophyRegular,
  HandshakeRegular,
  SettingsRegular,
  DismissRegular,
} from "@fluentui/react-icons";
import { langFromLocale, type Lang } from "../core/i18n";
import { PaneProvider, usePane } from "./context";
import { currentNotice, subscribeNotice, type RibbonNotice } from "./notice";
import type { Reading, ThiduaService } from "./service";
import { ReadStep } from "./components/ReadStep";
import { CheckStep } from "./components/CheckStep";
import { RankStep } from "./components/RankStep";
import { OutputsStep } from "./components/OutputsStep";
import { ProfileStep } from "./components/ProfileStep";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    minWidth: 0,
    maxWidth: "100%",
    boxSizing: "border-box",
    fontFamily: tokens.fontFamilyBase,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    paddingInline: tokens.spacingHorizontalM,
    paddingTop: tokens.spacingVerticalS,
  },
  title: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  tabs: {
    flexWrap: "wrap",
    paddingInline: tokens.spacingHorizontalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  // Six steps with icons need ~560 px; in a narrower pane the words alone keep them on fewer rows.
  tabIcon: { "@media (max-width: 560px)": { display: "none" } },
  panel: { padding: tokens.spacingHorizontalM, minWidth: 0 },
});

export type StepId = "read" | "check" | "rank" | "outputs" | "profile";

/**
 * A step another room adds to the pane (the email tab): its own label per language and content. It
 * gets the language and renders whatever it likes; the pane only gives it a tab.
 */
export interface ExtraStep {
  id: string;
  label: Record<Lang, string>;
  icon?: React.JSX.Element;
  render: (lang: Lang) => React.ReactNode;
}

function NoticeBar({
  notice,
  onDismiss,
}: {
  notice: RibbonNotice;
  onDismiss: () => void;
}): React.JSX.Element {
  const { t } = usePane();
  const text =
    notice.kind === "ranked"
      ? notice.provisional
        ? t("ribbonRankedProvisional", { sheet: notice.sheetName, errors: notice.errorCount })
        : t("ribbonRanked", { sheet: notice.sheetName })
      : t("ribbonFailed", { detail: notice.detail ?? "" });
  return (
    <MessageBar
      intent={notice.kind === "failed" ? "error" : notice.provisional ? "warning" : "success"}
    >
      <MessageBarBody>{text}</MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button
            appearance="transparent"
            aria-label={t("dismiss")}
            icon={<DismissRegular />}
            onClick={onDismiss}
          />
        }
      />
    </MessageBar>
  );
}

function Steps({
  lang,
  setLang,
  step,
  setStep,
  extraSteps,
}: {
  lang: Lang;
  setLang: (l: Lang) => void;
  step: string;
  setStep: (s: string) => void;
  extraSteps: ExtraStep[];
}): React.JSX.Element {
  const styles = useStyles();
  const { t } = usePane();
  const [reading, setReading] = React.useState<Reading | null>(null);
  const [notice, setNotice] = React.useState<RibbonNotice | null>(currentNotice());
  React.useEffect(() => subscribeNotice(setNotice), []);

  // A reading carries messages in the language it was made in; switching language invalidates it.
  const lastLang = React.useRef(lang);
  React.useEffect(() => {
    if (lastLang.current !== lang) setReading(null);
    lastLang.current = lang;
  }, [lang]);

  const onReading = React.useCallback((r: Reading | null) => setReading(r), []);
  const tabs: { id: string; label: string; icon?: React.JSX.Element }[] = [
    { id: "read", label: t("tabRead"), icon: <DocumentSearchRegular /> },
    { id: "check", label: t("tabCheck"), icon: <ClipboardTaskListLtrRegular /> },
    { id: "rank", label: t("tabRank"), icon: <TrophyRegular /> },
    { id: "outputs", label: t("tabOutputs"), icon: <HandshakeRegular /> },
    ...extraSteps.map((x) => ({ id: x.id, label: x.label[lang], icon: x.icon })),
    { id: "profile", label: t("tabProfile"), icon: <SettingsRegular /> },
  ];
  const extra = extraSteps.find((x) => x.id === step);
  const errors = reading ? reading.report.issues.filter((i) => i.severity === "error").length : 0;

  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <h1 className={styles.title}>THIDUA</h1>
        <Switch
          label={t("englishSwitch")}
          checked={lang === "en"}
          onChange={(_, d) => setLang(d.checked ? "en" : "vi")}
        />
      </header>
      {notice && <NoticeBar notice={notice} onDismiss={() => setNotice(null)} />}
      <TabList
        className={styles.tabs}
        size="small"
        selectedValue={step}
        onTabSelect={(_, d) => setStep(String(d.value))}
        aria-label={t("stepsLabel")}
      >
        {tabs.map((tab) => (
          <Tab
            key={tab.id}
            value={tab.id}
            icon={tab.icon ? { children: tab.icon, className: styles.tabIcon } : undefined}
            id={`tab-${tab.id}`}
            aria-controls="step-panel"
          >
            {tab.id === "check" && errors > 0 ? `${tab.label} (${errors})` : tab.label}
          </Tab>
        ))}
      </TabList>
      <div className={styles.panel} role="tabpanel" id="step-panel" aria-labelledby={`tab-${step}`}>
        {step === "read" && <ReadStep reading={reading} onReading={onReading} />}
        {step === "check" && <CheckStep reading={reading} onReading={onReading} />}
        {step === "rank" && <RankStep reading={reading} onReading={onReading} />}
        {step === "outputs" && <OutputsStep reading={reading} onReading={onReading} />}
        {step === "profile" && <ProfileStep reading={reading} />}
        {extra && extra.render(lang)}
      </div>
    </div>
  );
}

export interface PaneProps {
  service: ThiduaService;
  /** Overrides Office's display language (tests, the playground). */
  lang?: Lang;
  initialStep?: StepId;
  /** Steps other rooms add, shown between Giao ước and Cấu hình. */
  extraSteps?: ExtraStep[];
}

const NO_EXTRA: ExtraStep[] = [];

export function Pane({
  service,
  lang: forced,
  initialStep = "read",
  extraSteps = NO_EXTRA,
}: PaneProps): React.JSX.Element {
  const [lang, setLang] = React.useState<Lang>(forced ?? langFromLocale(service.displayLanguage));
  const [step, setStep] = React.useState<string>(initialStep);
  // A "next step" button inside the panel unmounts with its step: focus moves to the new step's tab
  // so keyboard and screen-reader users land where they were sent, not at the top of the page.
  const goTo = React.useCallback((next: string) => {
    setStep(next);
    setTimeout(() => document.getElementById(`tab-${next}`)?.focus(), 0);
  }, []);
  return (
    <PaneProvider service={service} lang={lang} goTo={goTo}>
      <div lang={lang}>
        <Steps
          lang={lang}
          setLang={setLang}
          step={step}
          setStep={setStep}
          extraSteps={extraSteps}
        />
      </div>
    </PaneProvider>
  );
}
