/**
 * Progress the way an Office pane shows it: nothing for a quick action, and past 300 ms a spinner
 * naming what is being done ("Tạo phiếu tự chấm — Đang xử lý…"); a Spinner rather than a ProgressBar
 * because the pane already carries it (the bundle stays under its 250 KB). `useTask` remembers which action runs;
 * `useReveal` brings a new result into view (results otherwise land below the fold at 320 px).
 */
import * as React from "react";
import { Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { useAction, usePane } from "../context";

/** Below this an action is quick enough that a progress bar would only flicker. */
export const PROGRESS_DELAY_MS = 300;

const useStyles = makeStyles({ task: { fontWeight: tokens.fontWeightSemibold } });

export function Progress({
  busy,
  label,
}: {
  busy: boolean;
  label: string;
}): React.JSX.Element | null {
  const styles = useStyles();
  const { t } = usePane();
  const [shown, setShown] = React.useState(false);
  React.useEffect(() => {
    if (!busy) {
      setShown(false);
      return undefined;
    }
    const timer = setTimeout(() => setShown(true), PROGRESS_DELAY_MS);
    return () => clearTimeout(timer);
  }, [busy]);
  if (!busy || !shown) return null;
  return (
    <Spinner
      size="tiny"
      label={
        <>
          {label && <span className={styles.task}>{label} — </span>}
          <span>{t("working")}</span>
        </>
      }
    />
  );
}

/** useAction plus the name of the action running, for <Progress>. */
export function useTask(): ReturnType<typeof useAction> & {
  task: string;
  runAs: <R>(label: string, fn: () => Promise<R>) => Promise<R | undefined>;
} {
  const action = useAction();
  const [task, setTask] = React.useState("");
  const { run } = action;
  const runAs = React.useCallback(
    <R,>(label: string, fn: () => Promise<R>): Promise<R | undefined> => {
      setTask(label);
      return run(fn);
    },
    [run]
  );
  return { ...action, task, runAs };
}

/** A ref whose element scrolls into view each time `key` changes to something new and truthy. */
export function useReveal<T extends HTMLElement>(key: unknown): React.RefObject<T | null> {
  const ref = React.useRef<T | null>(null);
  React.useEffect(() => {
    const el = ref.current;
    if (key && el && typeof el.scrollIntoView === "function")
      el.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }, [key]);
  return ref;
}
