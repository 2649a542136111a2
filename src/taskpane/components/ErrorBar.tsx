/**
 * A failure as the user should see it: what happened and what to do next, never a stack trace. The
 * sentences come from the one error catalogue, so the ribbon's notice of the same failure reads alike.
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
import { errorCodeOf } from "../../excel/errors";
import { errorMessage } from "../../sheets/errors";
import { usePane } from "../context";
import { ServiceError } from "../service";

export function ErrorBar({
  error,
  lead,
  onDismiss,
}: {
  error: unknown;
  /** Where the failure happened, when it was not the button the user just pressed. */
  lead?: string;
  onDismiss?: () => void;
}): React.JSX.Element | null {
  const { t, lang } = usePane();
  if (!error) return null;
  const detail = error instanceof ServiceError ? error.detail : undefined;
  const { title, body } = errorMessage(errorCodeOf(error), lang, detail);
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {lead ? `${lead} ` : ""}
        {body}
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
