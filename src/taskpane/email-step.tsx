/**
 * The email room's panel as a step of the pane. Loaded on demand (React.lazy in App.tsx): it brings
 * ExcelJS for reading returned workbooks in the browser, several times the rest of the pane.
 */
import * as React from "react";
import type { Lang } from "../core/i18n";
import { EmailPanel } from "./email/EmailPanel";
import { createExcelEmailService, type EmailExcel } from "./email/excel-email-service";

export interface EmailStepProps {
  lang: Lang;
  excel: EmailExcel;
  office?: Parameters<typeof createExcelEmailService>[1];
}

export default function EmailStep({ lang, excel, office }: EmailStepProps): React.JSX.Element {
  const service = React.useMemo(() => createExcelEmailService(excel, office), [excel, office]);
  return <EmailPanel service={service} lang={lang} />;
}
