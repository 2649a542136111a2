/**
 * Messages from the ribbon command to the pane. The add-in uses a shared runtime (one page for the
 * pane, functions and commands): the one-click ranking posts its outcome here and the pane shows it as
 * soon as it is open. The store hangs on globalThis because commands.js and taskpane.js are separate
 * webpack entries, each with its own copy of this module.
 */
import type { ErrorCode } from "../sheets/errors";

export type RibbonNotice =
  | { kind: "ranked"; sheetName: string; provisional: boolean; errorCount: number }
  | { kind: "failed"; code: ErrorCode; detail?: string };

type Listener = (n: RibbonNotice | null) => void;

interface Store {
  current: RibbonNotice | null;
  listeners: Set<Listener>;
}

const KEY = "__thiduaRibbonNotice";

function store(): Store {
  const g = globalThis as unknown as Record<string, Store | undefined>;
  return (g[KEY] ??= { current: null, listeners: new Set<Listener>() });
}

export function postNotice(n: RibbonNotice | null): void {
  const s = store();
  s.current = n;
  for (const l of s.listeners) l(n);
}

export function currentNotice(): RibbonNotice | null {
  return store().current;
}

export function subscribeNotice(l: Listener): () => void {
  const s = store();
  s.listeners.add(l);
  return () => {
    s.listeners.delete(l);
  };
}
