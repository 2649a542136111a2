/**
 * What every pane component reads from React context: the service (the only way to the workbook) and
 * the display language with its translator.
 */
import * as React from "react";
import type { Lang, Params } from "../core/i18n";
import type { ThiduaService } from "./service";
import { PANE_STRINGS, type PaneKey } from "./strings";

export interface PaneContextValue {
  service: ThiduaService;
  lang: Lang;
  t: (key: PaneKey, params?: Params) => string;
  /**
   * Opens another step of the pane. A step that finishes names the next one as a button, so the
   * officer never has to guess which tab comes after; outside <Pane /> it does nothing.
   */
  goTo: (step: string) => void;
}

const PaneContext = React.createContext<PaneContextValue | null>(null);

const NOWHERE = (): void => undefined;

export function PaneProvider({
  service,
  lang,
  goTo = NOWHERE,
  children,
}: {
  service: ThiduaService;
  lang: Lang;
  goTo?: (step: string) => void;
  children: React.ReactNode;
}): React.JSX.Element {
  const value = React.useMemo<PaneContextValue>(
    () => ({ service, lang, goTo, t: (key, params) => PANE_STRINGS.t(lang, key, params) }),
    [service, lang, goTo]
  );
  return <PaneContext.Provider value={value}>{children}</PaneContext.Provider>;
}

export function usePane(): PaneContextValue {
  const v = React.useContext(PaneContext);
  if (!v) throw new Error("usePane outside PaneProvider");
  return v;
}

/**
 * Runs one async action at a time for a component: `busy` drives the Spinner, `error` the MessageBar.
 * The first await yields to the browser so the spinner paints before any heavy synchronous work.
 */
export function useAction(): {
  busy: boolean;
  error: unknown;
  clearError: () => void;
  run: <R>(fn: () => Promise<R>) => Promise<R | undefined>;
} {
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<unknown>(null);
  const mounted = React.useRef(true);
  React.useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const run = React.useCallback(async <R,>(fn: () => Promise<R>): Promise<R | undefined> => {
    setBusy(true);
    setError(null);
    try {
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      return await fn();
    } catch (err) {
      if (mounted.current) setError(err ?? new Error("unknown"));
      return undefined;
    } finally {
      if (mounted.current) setBusy(false);
    }
  }, []);
  const clearError = React.useCallback(() => setError(null), []);
  return { busy, error, clearError, run };
}
