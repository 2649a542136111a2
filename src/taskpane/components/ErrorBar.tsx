/**
 * A failure as the user should see it: what happened and what to do next, never a stack trace.
 * ServiceError codes map to specific advice; anything else is "unexpected".
 */
import * as React from "react";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import { usePane } from "../context";
import { ServiceError, type ServiceErrorCode } from "../service";
import type { PaneKey } from "../strings";

const TITLE: Record<ServiceErrorCode, PaneKey> = {
  "no-workbook": "errNoWorkbookTitle",
  "no-score-sheet": "errNoScoreSheetTitle",
  "no-selection": "errNoSelectionTitle",
  "no-reading": "errNoReadingTitle",
  "sheet-protected": "errProtectedTitle",
  busy: "errBusyTitle",
  "not-supported": "errNotSupportedTitle",
  unexpected: "errUnexpectedTitle",
};

const NEXT: Record<ServiceErrorCode, PaneKey> = {
  "no-workbook": "errNoWorkbookNext",
  "no-score-sheet": "errNoScoreSheetNext",
  "no-selection": "errNoSelectionNext",
  "no-reading": "errNoReadingNext",
  "sheet-protected": "errProtectedNext",
  busy: "errBusyNext",
  "not-supported": "errNotSupportedNext",
  unexpected: "errUnexpectedNext",
};

/** Office.js errors carry a code; a few of them mean something the user can act on. */
function codeOf(error: unknown): ServiceErrorCode {
  if (error instanceof ServiceError) return error.code;
  const officeCode = (error as { code?: unknown } | null)?.code;
  if (officeCode === "AccessDenied" || officeCode === "InvalidOperationInCellEditMode")
    return officeCode === "AccessDenied" ? "sheet-protected" : "busy";
  return "unexpected";
}

export function ErrorBar({
  error,
  onDismiss,
}: {
  error: unknown;
  onDismiss?: () => void;
}): React.JSX.Element | null {
  const { t } = usePane();
  if (!error) return null;
  const code = codeOf(error);
  // The engine's sentences end with a period; the advice that follows adds its own.
  const detail = error instanceof ServiceError ? error.detail?.replace(/[.\s]+$/, "") : undefined;
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t(TITLE[code])}</MessageBarTitle>
        {detail ? `${detail}. ` : ""}
        {t(NEXT[code])}
      </MessageBarBody>
      {onDismiss && (
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
      )}
    </MessageBar>
  );
}
