/**
 * The task pane's root, rendered by index.tsx inside FluentProvider once Office is ready. It builds
 * the Excel-backed services (the only place the pane meets `Excel`) and hands them to <Pane />.
 */
import * as React from "react";
import { Spinner } from "@fluentui/react-components";
import { MailRegular } from "@fluentui/react-icons";
import type { Lang } from "../core/i18n";
import type { ExcelHost, OfficeHost } from "../excel";
import { Pane, type ExtraStep } from "./Pane";
import { createExcelService } from "./excel-service";
import type { ThiduaService } from "./service";
import { PANE_STRINGS } from "./strings";

const EmailStep = React.lazy(() => import(/* webpackChunkName: "email" */ "./email-step"));

/**
 * "old-excel": an Excel without the API the adapter needs (EXCEL_API_MIN). The manifest asks for the
 * same set, so Office normally does not offer THIDUA there; a sideloaded manifest is not always
 * checked, and then the pane says so instead of failing at the first click.
 */
export type Host = "excel" | "browser" | "old-excel";

/** What the bootstrap hands to <App />. */
export interface BootstrapProps {
  host: Host;
}

export interface AppProps extends BootstrapProps {
  /** The Excel namespace (the playground passes the simulator's); default: office.js's global. */
  excel?: ExcelHost;
  office?: OfficeHost;
  /** Replaces the Excel-backed service entirely (tests). */
  service?: ThiduaService;
  /** A host page that has words of its own (the playground) holds the language; see PaneProps. */
  lang?: Lang;
  onLangChange?: (lang: Lang) => void;
}

export default function App({
  host,
  excel,
  office,
  service,
  lang,
  onLangChange,
}: AppProps): React.JSX.Element {
  const g = globalThis as unknown as { Excel?: ExcelHost; Office?: OfficeHost };
  const xl = excel ?? g.Excel;
  const off = office ?? g.Office;
  const svc = React.useMemo(
    () => service ?? createExcelService({ excel: xl, office: off }),
    [service, xl, off]
  );
  const extraSteps = React.useMemo<ExtraStep[]>(
    () =>
      xl
        ? [
            {
              id: "email",
              label: { vi: PANE_STRINGS.vi.tabEmail, en: PANE_STRINGS.en.tabEmail },
              icon: <MailRegular />,
              render: (lang) => (
                <React.Suspense
                  fallback={<Spinner size="tiny" label={PANE_STRINGS.t(lang, "working")} />}
                >
                  <EmailStep lang={lang} excel={xl} office={off as never} />
                </React.Suspense>
              ),
            },
          ]
        : [],
    [xl, off]
  );
  return (
    <main data-host={host}>
      <Pane service={svc} extraSteps={extraSteps} lang={lang} onLangChange={onLangChange} />
    </main>
  );
}
