/**
 * The way into the Họp cụm screen from the Giao ước step: one button here, the screen itself loaded
 * on its first press (it brings its own fields and words, and the Word writer after it).
 */
import * as React from "react";
import { Button } from "@fluentui/react-components";
import { defineStrings } from "../../core/i18n";
import { usePane } from "../context";
import type { Reading } from "../service";
import { StepBoundary } from "./StepBoundary";

const OPEN_STRINGS = defineStrings(
  "pane-meeting-open",
  { open: "Nhập kết quả họp…" },
  { open: "Enter the meeting's results…" }
);

const MeetingScreen = React.lazy(() => import(/* webpackChunkName: "meeting" */ "./MeetingScreen"));

export function MeetingEntry({
  reading,
  ensureReading,
  disabled,
}: {
  reading: Reading | null;
  /**
   * Reads the sheets when nothing was read yet (the screen needs the ranking's candidates); resolves
   * to nothing when that failed, the caller having said why.
   */
  ensureReading: () => Promise<Reading | undefined>;
  disabled: boolean;
}): React.JSX.Element | null {
  const { service, lang, t } = usePane();
  const [open, setOpen] = React.useState(false);
  if (!service.meeting) return null;
  if (open && reading)
    return (
      <StepBoundary title={t("errStepTitle")} next={t("errStepNext")}>
        <React.Suspense fallback={null}>
          <MeetingScreen reading={reading} onClose={() => setOpen(false)} />
        </React.Suspense>
      </StepBoundary>
    );
  return (
    <Button
      appearance="primary"
      disabled={disabled}
      onClick={() => void ensureReading().then((r) => r && setOpen(true))}
    >
      {OPEN_STRINGS.t(lang, "open")}
    </Button>
  );
}
