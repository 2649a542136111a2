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
  Overflow,
  OverflowItem,
  Spinner,
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
import { currentNotice, subscribeNotice, type RibbonNotice } from "../excel/notice";
import { ServiceError, type Reading, type ThiduaService } from "./service";
import { ErrorBar } from "./components/ErrorBar";
import { ReadStep } from "./components/ReadStep";
import { CheckStep } from "./components/CheckStep";
import { RankStep } from "./components/RankStep";
import { OutputsStep } from "./components/OutputsStep";
import { StepBoundary } from "./components/StepBoundary";

// Settings is visited once a year and carries its own inputs (radio, select, textarea, switch): loading it
// on demand keeps the first paint of the pane within its size budget.
const ProfileStep = React.lazy(async () => ({
  default: (await import(/* webpackChunkName: "settings" */ "./components/ProfileStep"))
    .ProfileStep,
}));
const MoreSteps = React.lazy(
  () => import(/* webpackChunkName: "more-steps" */ "./components/MoreSteps")
);

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    minWidth: 0,
    maxWidth: "100%",
    boxSizing: "border-box",
    fontFamily: tokens.fontFamilyBase,
    color: tokens.colorNeutralForeground1,
    // The pane's own width, not the window's, decides how the tabs are drawn: the playground shows
    // the pane in a wide page.
    containerType: "inline-size",
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
  // One row whatever the width: the steps that do not fit go to the "⋯" menu at the row's end.
  tabs: {
    flexWrap: "nowrap",
    minWidth: 0,
    paddingInline: tokens.spacingHorizontalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  // Narrow tabs so that a 320 px pane still shows the four working steps Đọc → Giao ước in words.
  // The bold copy Fluent reserves so the selected tab does not grow costs ~8 px a tab: too dear here.
  tab: {
    paddingInline: tokens.spacingHorizontalXS,
    flexShrink: 0,
    "& .fui-Tab__content--reserved-space": { display: "none" },
  },
  // Six steps with icons need ~560 px; in a narrower pane the words alone keep more of them visible.
  tabIcon: { "@container (max-width: 560px)": { display: "none" } },
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
  if (notice.kind === "failed")
    return (
      <ErrorBar
        error={new ServiceError(notice.code, notice.detail)}
        lead={t("ribbonFailed")}
        onDismiss={onDismiss}
      />
    );
  const text = notice.provisional
    ? t("ribbonRankedProvisional", { sheet: notice.sheetName, errors: notice.errorCount })
    : t("ribbonRanked", { sheet: notice.sheetName });
  return (
    <MessageBar intent={notice.provisional ? "warning" : "success"}>
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
  const { t, goTo, service } = usePane();
  const [reading, setReading] = React.useState<Reading | null>(null);
  const [notice, setNotice] = React.useState<RibbonNotice | null>(currentNotice());
  React.useEffect(() => subscribeNotice(setNotice), []);

  // A reading carries messages in the language it was made in: after a switch the same sheets are
  // read again in the new language, the results staying on screen meanwhile (gone only if that fails).
  const lastLang = React.useRef(lang);
  const latest = React.useRef(reading);
  latest.current = reading;
  React.useEffect(() => {
    if (lastLang.current === lang) return undefined;
    lastLang.current = lang;
    const before = latest.current;
    if (!before) return undefined;
    let live = true;
    service.read(before.sheets, lang).then(
      (r) => live && latest.current === before && setReading(r),
      () => live && latest.current === before && setReading(null)
    );
    return () => {
      live = false;
    };
  }, [lang, service]);

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
  const labelOf = (tab: { id: string; label: string }): string =>
    tab.id === "check" && errors > 0 ? `${tab.label} (${errors})` : tab.label;

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
      <Overflow minimumVisible={1}>
        <TabList
          className={styles.tabs}
          size="small"
          selectedValue={step}
          onTabSelect={(_, d) => setStep(String(d.value))}
          aria-label={t("stepsLabel")}
        >
          {tabs.map((tab, i) => (
            // The open step never hides in the menu; otherwise the last steps hide first.
            <OverflowItem
              key={tab.id}
              id={tab.id}
              {...(tab.id === step ? { pinned: true } : { priority: tabs.length - i })}
            >
              <Tab
                className={styles.tab}
                value={tab.id}
                icon={tab.icon ? { children: tab.icon, className: styles.tabIcon } : undefined}
                id={`tab-${tab.id}`}
                aria-controls="step-panel"
              >
                {labelOf(tab)}
              </Tab>
            </OverflowItem>
          ))}
          {/* Without its code (a failed download) the menu stays out of sight; the tabs still work. */}
          <StepBoundary>
            <React.Suspense fallback={null}>
              <MoreSteps
                steps={tabs.map((tab) => ({ ...tab, label: labelOf(tab) }))}
                label={(count) => t("moreSteps", { count })}
                onSelect={goTo}
              />
            </React.Suspense>
          </StepBoundary>
        </TabList>
      </Overflow>
      <div className={styles.panel} role="tabpanel" id="step-panel" aria-labelledby={`tab-${step}`}>
        <StepBoundary key={step} title={t("errStepTitle")} next={t("errStepNext")}>
          {step === "read" && <ReadStep reading={reading} onReading={onReading} />}
          {step === "check" && <CheckStep reading={reading} onReading={onReading} />}
          {step === "rank" && <RankStep reading={reading} onReading={onReading} />}
          {step === "outputs" && <OutputsStep reading={reading} onReading={onReading} />}
          {step === "profile" && (
            <React.Suspense fallback={<Spinner size="tiny" label={t("loadingProfile")} />}>
              <ProfileStep reading={reading} />
            </React.Suspense>
          )}
          {extra && extra.render(lang)}
        </StepBoundary>
      </div>
    </div>
  );
}

export interface PaneProps {
  service: ThiduaService;
  /** Overrides Office's display language (tests, the playground). */
  lang?: Lang;
  /**
   * Given with `lang`, the language is the caller's: the pane's switch asks for a change instead of
   * making it, so a host page with words of its own (the playground) has one switch for both.
   */
  onLangChange?: (lang: Lang) => void;
  initialStep?: StepId;
  /** Steps other rooms add, shown between Giao ước and Cấu hình. */
  extraSteps?: ExtraStep[];
}

const NO_EXTRA: ExtraStep[] = [];

/**
 * Focuses a step's tab once it is shown: a step opened from the "⋯" menu or a next-step button may
 * still be hidden in the menu until the overflow manager has made room for it.
 */
function focusTab(id: string, tries = 20): void {
  setTimeout(() => {
    const tab = document.getElementById(`tab-${id}`);
    if (tab && !tab.hasAttribute("data-overflowing")) tab.focus();
    else if (tab && tries > 0) focusTab(id, tries - 1);
  }, 16);
}

export function Pane({
  service,
  lang: forced,
  onLangChange,
  initialStep = "read",
  extraSteps = NO_EXTRA,
}: PaneProps): React.JSX.Element {
  const [own, setOwn] = React.useState<Lang>(forced ?? langFromLocale(service.displayLanguage));
  const controlled = forced !== undefined && onLangChange !== undefined;
  const lang = controlled ? forced : own;
  const setLang = controlled ? onLangChange : setOwn;
  const [step, setStep] = React.useState<string>(initialStep);
  // A "next step" button inside the panel unmounts with its step: focus moves to the new step's tab
  // so keyboard and screen-reader users land where they were sent, not at the top of the page.
  const goTo = React.useCallback((next: string) => {
    setStep(next);
    focusTab(next);
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
