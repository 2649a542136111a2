/**
 * The playground: a simulated Excel (sheet tabs, grid, formula bar, editable cells recomputed by
 * HyperFormula) beside the real task pane, loaded with one of the samples (samples/) or any .xlsx the
 * user opens, and saved back as .xlsx. Works over plain http with no Office and no network.
 */
import * as React from "react";
import {
  Badge,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  Spinner,
  Tab,
  TabList,
  Text,
  Tooltip,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import {
  ArrowDownloadRegular,
  ArrowRedoRegular,
  ArrowUndoRegular,
  FolderOpenRegular,
  TableSimpleRegular,
} from "@fluentui/react-icons";
import type { Lang } from "../core/i18n";
import type { ExcelHost } from "../excel";
import { createSimulator, simulatorFromXlsx, type Simulator } from "../simulator";
import App from "../taskpane/App";
import { toEnglishFormula } from "./formula-locale";
import { History } from "./history";
import {
  cellSelection,
  nameBoxText,
  parseNameBox,
  type CellPos,
  type GridSelection,
} from "./selection";
import { SheetGrid } from "./SheetGrid";
import { PLAYGROUND_STRINGS } from "./strings";
import { refusal, type Refusal } from "./validation";

export interface SampleCase {
  case: string;
  files: string[];
}

interface Loaded {
  sim: Simulator;
  /** What the workbook is called in the picker and the saved file's name. */
  label: string;
  /** Picker value: "case/file", or "" for a file the user opened. */
  key: string;
  /** Changes with every opening, so the pane starts afresh on a new workbook. */
  id: number;
}

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const useStyles = makeStyles({
  shell: {
    display: "flex",
    flexDirection: "column",
    height: "100vh",
    backgroundColor: tokens.colorNeutralBackground2,
  },
  topBar: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  brand: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, minWidth: 0 },
  brandTitle: { fontWeight: tokens.fontWeightBold, fontSize: tokens.fontSizeBase500 },
  brandSub: { opacity: 0.85, whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis" },
  spacer: { flexGrow: 1 },
  toolbar: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  picker: { minWidth: "260px" },
  formulaBar: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  nameBox: { width: "90px", fontFamily: tokens.fontFamilyMonospace },
  fx: { color: tokens.colorNeutralForeground3, fontStyle: "italic", fontFamily: "serif" },
  formula: { flexGrow: 1, fontFamily: tokens.fontFamilyMonospace },
  main: { display: "flex", flexGrow: 1, minHeight: 0 },
  workbook: { display: "flex", flexDirection: "column", flexGrow: 1, minWidth: 0 },
  tabs: {
    backgroundColor: tokens.colorNeutralBackground3,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    overflowX: "auto",
    flexShrink: 0,
  },
  pane: {
    width: "380px",
    minWidth: "320px",
    maxWidth: "450px",
    flexShrink: 0,
    overflowY: "auto",
    backgroundColor: tokens.colorNeutralBackground1,
    borderLeft: `1px solid ${tokens.colorNeutralStroke1}`,
    boxShadow: tokens.shadow8,
  },
  paneHeader: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    fontWeight: tokens.fontWeightSemibold,
  },
  center: { margin: "auto" },
});

function download(bytes: Uint8Array, name: string): void {
  const blob = new Blob([bytes as BlobPart], { type: XLSX_TYPE });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** What the formula bar shows: the formula, else the constant as typed. */
function rawContent(sim: Simulator, pos: CellPos): string {
  const m = sim.model;
  const sheet = m.activeSheet();
  const f = m.formula(sheet, pos.row, pos.col);
  if (f !== undefined) return f;
  const v = sheet.cell(pos.row, pos.col)?.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return String(v).replace(".", m.decimalSeparator);
  return typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : v;
}

export interface PlaygroundProps {
  initialLang: Lang;
  /** "case/file" to open first. */
  initialSample?: string;
  /** The developer view (`?dev=1`): shows how many round trips the pane made to the workbook. */
  dev?: boolean;
}

const A1: GridSelection = {
  active: { row: 0, col: 0 },
  rect: { top: 0, left: 0, bottom: 0, right: 0 },
  extent: { row: 0, col: 0 },
};

const sameRect = (a: GridSelection["rect"], b: GridSelection["rect"]): boolean =>
  a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;

export function Playground({
  initialLang,
  initialSample,
  dev = false,
}: PlaygroundProps): React.JSX.Element {
  const styles = useStyles();
  const [lang, setLang] = React.useState<Lang>(initialLang);
  const t = (
    key: keyof typeof PLAYGROUND_STRINGS.vi,
    params?: Record<string, string | number>
  ): string => PLAYGROUND_STRINGS.t(lang, key, params);
  const [samples, setSamples] = React.useState<SampleCase[]>([]);
  const [loaded, setLoaded] = React.useState<Loaded | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState(true);
  const [version, setVersion] = React.useState(0);
  const [syncs, setSyncs] = React.useState(0);
  const [sel, setSel] = React.useState<GridSelection>(A1);
  const selected = sel.active;
  const [draft, setDraft] = React.useState<string | null>(null);
  const [nameDraft, setNameDraft] = React.useState<string | null>(null);
  const [notice, setNotice] = React.useState<string | null>(null);
  /** An opening waiting for the user's answer about unsaved changes. */
  const [confirming, setConfirming] = React.useState<(() => void) | null>(null);
  /** An entry the cell's data validation refused, waiting for Retry/Cancel (or Yes on a warning). */
  const [refused, setRefused] = React.useState<(Refusal & { entry: string }) | null>(null);
  // What was in the formula bar before each key of the entry being typed: Ctrl+Z there steps back.
  const typed = React.useRef<string[]>([]);
  const formulaRef = React.useRef<HTMLInputElement>(null);
  const gridRef = React.useRef<HTMLDivElement>(null);
  const fileRef = React.useRef<HTMLInputElement>(null);
  // Bumped by every click or key in the pane: the workbook writes of one pane action undo together.
  const paneAction = React.useRef(0);

  const opened = React.useRef(0);
  const open = React.useCallback(async (load: () => Promise<Omit<Loaded, "id">>) => {
    setBusy(true);
    setError(null);
    try {
      const next = await load();
      setLoaded({ ...next, id: ++opened.current });
      setSel(A1);
      setDraft(null);
      setSyncs(0);
    } catch (e) {
      setError(String(e instanceof Error ? e.message : e));
    } finally {
      setBusy(false);
    }
  }, []);

  const openSample = React.useCallback(
    (key: string) =>
      open(async () => {
        const res = await fetch(`samples/${key}`);
        if (!res.ok) throw new Error(`samples/${key}: HTTP ${res.status}`);
        const sim = await simulatorFromXlsx(await res.arrayBuffer(), { decimalSeparator: "," });
        return { sim, label: key.replace("/", " · "), key };
      }),
    [open]
  );

  // The samples' list comes from the development build; without it the playground starts empty.
  React.useEffect(() => {
    let cancelled = false;
    fetch("samples/index.json")
      .then((r) => (r.ok ? (r.json() as Promise<SampleCase[]>) : []))
      .catch(() => [] as SampleCase[])
      .then((list) => {
        if (cancelled) return;
        const cases = list.map((s) => ({
          ...s,
          files: s.files.filter((f) => f.endsWith(".xlsx")),
        }));
        setSamples(cases);
        const keys = cases.flatMap((s) => s.files.map((f) => `${s.case}/${f}`));
        const first =
          (initialSample && keys.includes(initialSample) ? initialSample : keys[0]) ?? null;
        if (first) void openSample(first);
        else
          void open(async () => ({
            sim: createSimulator({ sheets: ["Sheet1"], decimalSeparator: "," }),
            label: "Book1",
            key: "",
          }));
      });
    return () => {
      cancelled = true;
    };
  }, [initialSample, open, openSample]);

  const sim = loaded?.sim ?? null;
  const [, setHistoryVersion] = React.useState(0);
  const history = React.useMemo(
    () => (sim ? new History(sim.model, () => setHistoryVersion((v) => v + 1)) : null),
    [sim]
  );

  /** Runs `go` now, or after the user chose what to do with the unsaved changes. */
  const guard = (go: () => void): void => {
    if (history?.dirty) setConfirming(() => go);
    else go();
  };

  // Set during render, before the pane (a child) reads them: it starts in Office's display language.
  // A Vietnamese Excel writes 8,5, an English one 8.5 (N1 tries the culture's separator first).
  if (sim) {
    sim.Office.context.displayLanguage = lang === "en" ? "en-US" : "vi-VN";
    sim.Office.context.contentLanguage = sim.Office.context.displayLanguage;
    sim.model.decimalSeparator = lang === "en" ? "." : ",";
    sim.model.thousandsSeparator = lang === "en" ? "," : ".";
  }

  React.useEffect(
    () => (sim ? sim.model.onChange(() => setVersion((v) => v + 1)) : undefined),
    [sim]
  );
  // The grid redraws on the model's changes only; a new language changes how every number is shown.
  React.useEffect(() => setVersion((v) => v + 1), [lang]);

  // The pane talks to the simulator exactly as to Excel; counting its runs shows the round trips.
  const host = React.useMemo<ExcelHost | null>(() => {
    if (!sim) return null;
    const h = {
      run: async <T,>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
        history?.begin(paneAction.current);
        try {
          return await sim.Excel.run(batch as never);
        } finally {
          history?.end();
          setSyncs(sim.stats.syncs);
          setVersion((v) => v + 1);
        }
      },
    };
    return h as ExcelHost;
  }, [sim, history]);

  // The selection lives in the workbook so the pane's "use the selection" sees what the user clicked.
  const model = sim?.model ?? null;
  const sheet = model ? model.activeSheet() : null;
  // Another sheet became active (a tab, or the pane writing its ranking): start at its selection or A1.
  const sheetId = sheet?.id ?? "";
  const fromWorkbook = (rect: GridSelection["rect"]): GridSelection => ({
    active: { row: rect.top, col: rect.left },
    rect,
    extent: { row: rect.bottom, col: rect.right },
  });
  React.useEffect(() => {
    const s = model?.selection;
    setSel(s && s.sheetId === sheetId ? fromWorkbook(s.rect) : A1);
    setDraft(null);
  }, [model, sheetId]);

  // The pane (or an undo) may select another block: the grid follows the workbook's selection.
  React.useEffect(() => {
    const s = model?.selection;
    if (model && sheet && s && s.sheetId === sheet.id && !sameRect(s.rect, sel.rect))
      setSel(fromWorkbook(s.rect));
  }, [model, sheet, version, sel.rect]);

  const selectBlock = (next: GridSelection): void => {
    if (!model || !sheet) return;
    setDraft(null);
    typed.current = [];
    setNameDraft(null);
    setSel(next);
    model.selection = { sheetId: sheet.id, rect: { ...next.rect } };
  };

  const select = (pos: CellPos): void => {
    if (sheet) selectBlock(cellSelection(sheet, pos));
  };

  const commit = (checked = true): void => {
    if (!model || !sheet || draft === null || !history) return;
    const entry = toEnglishFormula(draft, model.decimalSeparator);
    if (checked && !entry.startsWith("=")) {
      const value = entry.startsWith("'") ? entry.slice(1) : (model.parseNumber(entry) ?? entry);
      const no = refusal(model, sheet, selected.row, selected.col, value);
      if (no) {
        setRefused({ ...no, entry });
        return;
      }
    }
    history.record(() => model.enter(sheet, selected.row, selected.col, entry));
    setDraft(null);
    select({ row: selected.row + 1, col: selected.col });
  };

  const undo = (): void => {
    setDraft(null);
    typed.current = [];
    history?.undo();
  };
  const redo = (): void => {
    setDraft(null);
    typed.current = [];
    history?.redo();
  };

  const goToNameBox = (): void => {
    if (!sheet || nameDraft === null) return;
    const next = parseNameBox(sheet, nameDraft);
    if (!next) {
      setNotice(t("badAddress", { address: nameDraft.trim() }));
      setNameDraft(null);
      return;
    }
    setNotice(null);
    selectBlock(next);
    gridRef.current?.focus();
  };

  const startEdit = (initial: string | null): void => {
    if (!sim) return;
    typed.current.push(draft ?? rawContent(sim, selected));
    // Keys typed before the formula bar has the focus (a fast typist, a busy machine) reach the grid
    // one by one: they continue the same entry, as in Excel, instead of each starting it anew.
    setDraft((d) =>
      d !== null && initial !== null ? d + initial : (initial ?? rawContent(sim, selected))
    );
    setTimeout(() => formulaRef.current?.focus(), 0);
  };

  const onFile = (e: React.ChangeEvent<HTMLInputElement>): void => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (!file) return;
    guard(
      () =>
        void open(async () => {
          const sim = await simulatorFromXlsx(await file.arrayBuffer(), { decimalSeparator: "," });
          return { sim, label: file.name, key: "" };
        })
    );
  };

  const save = async (): Promise<void> => {
    if (!loaded) return;
    const base = loaded.label.replace(/\.xlsx$/i, "").replace(/[^\p{L}\p{N}._-]+/gu, "-");
    download(await loaded.sim.toXlsx(), `${base}-thidua.xlsx`);
  };

  const options = samples.flatMap((s) =>
    s.files.map((f) => ({ key: `${s.case}/${f}`, text: `${s.case} · ${f}` }))
  );
  const address = sheet ? nameBoxText(sheet, sel) : "A1";
  const visibleSheets = model ? model.sheets.filter((s) => s.visibility === "Visible") : [];

  return (
    <div className={styles.shell}>
      <header className={styles.topBar}>
        <div className={styles.brand}>
          <TableSimpleRegular fontSize={24} />
          <span className={styles.brandTitle}>{t("title")}</span>
          <span className={styles.brandSub}>{t("subtitle")}</span>
        </div>
        <div className={styles.spacer} />
        {dev && (
          <Tooltip content={t("syncsHint")} relationship="description">
            <Badge appearance="tint" color="informative" data-testid="sync-count">
              {t("syncs", { n: syncs })}
            </Badge>
          </Tooltip>
        )}
      </header>

      <div className={styles.toolbar} role="toolbar">
        <Text weight="semibold">{t("sample")}</Text>
        <Dropdown
          className={styles.picker}
          aria-label={t("sample")}
          value={loaded?.key ? loaded.label : (loaded?.label ?? "")}
          selectedOptions={loaded?.key ? [loaded.key] : []}
          onOptionSelect={(_, d) => {
            const key = d.optionValue;
            if (key) guard(() => void openSample(key));
          }}
        >
          {options.map((o) => (
            <Option key={o.key} value={o.key}>
              {o.text}
            </Option>
          ))}
        </Dropdown>
        <Button icon={<FolderOpenRegular />} onClick={() => fileRef.current?.click()}>
          {t("openFile")}
        </Button>
        <input
          ref={fileRef}
          type="file"
          accept=".xlsx"
          hidden
          onChange={onFile}
          data-testid="file-input"
        />
        <Button
          appearance="primary"
          icon={<ArrowDownloadRegular />}
          disabled={!loaded}
          onClick={() => void save()}
        >
          {t("save")}
        </Button>
        <Tooltip content={t("undoHint")} relationship="label">
          <Button
            appearance="subtle"
            icon={<ArrowUndoRegular />}
            disabled={!history?.canUndo}
            onClick={undo}
          />
        </Tooltip>
        <Tooltip content={t("redoHint")} relationship="label">
          <Button
            appearance="subtle"
            icon={<ArrowRedoRegular />}
            disabled={!history?.canRedo}
            onClick={redo}
          />
        </Tooltip>
        {busy && <Spinner size="tiny" label={t("loading")} />}
      </div>

      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{t("loadFailed", { message: error })}</MessageBarBody>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent="warning">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}

      <div className={styles.formulaBar}>
        <Input
          className={styles.nameBox}
          aria-label={t("nameBox")}
          data-testid="name-box"
          value={nameDraft ?? address}
          size="small"
          onFocus={(e) => e.target.select()}
          onChange={(_, d) => setNameDraft(d.value)}
          onBlur={() => setNameDraft(null)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              goToNameBox();
            } else if (e.key === "Escape") {
              setNameDraft(null);
              gridRef.current?.focus();
            }
          }}
        />
        <span className={styles.fx} aria-hidden>
          fx
        </span>
        <Input
          className={styles.formula}
          input={{ ref: formulaRef }}
          aria-label={t("formulaBar")}
          size="small"
          data-testid="formula-bar"
          value={draft ?? (sim ? rawContent(sim, selected) : "")}
          onFocus={() => draft === null && sim && setDraft(rawContent(sim, selected))}
          onChange={(_, d) => {
            typed.current.push(draft ?? (sim ? rawContent(sim, selected) : ""));
            setDraft(d.value);
          }}
          onKeyDown={(e) => {
            const key = e.key.toLowerCase();
            if (e.key === "Enter") {
              e.preventDefault();
              commit();
            } else if (e.key === "Escape") {
              typed.current = [];
              setDraft(null);
            } else if ((e.ctrlKey || e.metaKey) && key === "z") {
              // While typing, Ctrl+Z takes back the typing only; with nothing typed it undoes the
              // last change to the workbook, as in Excel.
              e.preventDefault();
              const previous = typed.current.pop();
              if (previous !== undefined) setDraft(previous);
              else undo();
            } else if ((e.ctrlKey || e.metaKey) && key === "y" && typed.current.length === 0) {
              e.preventDefault();
              redo();
            }
          }}
        />
      </div>

      <div className={styles.main}>
        <div className={styles.workbook}>
          {model && sheet ? (
            <SheetGrid
              key={sheet.id}
              model={model}
              sheet={sheet}
              version={version}
              selected={selected}
              range={sel.rect}
              extent={sel.extent}
              focusRef={gridRef}
              label={t("grid")}
              hiddenHint={(kind, which) =>
                t(kind === "cols" ? "hiddenCols" : "hiddenRows", { which })
              }
              onSelect={select}
              onSelectRange={selectBlock}
              onEdit={startEdit}
              onClear={(rect) => history?.record(() => model.clearContents(sheet, rect))}
              onUndo={undo}
              onRedo={redo}
            />
          ) : (
            <Spinner className={styles.center} label={t("loading")} />
          )}
          <div className={styles.tabs}>
            <TabList
              size="small"
              aria-label={t("sheetTabs")}
              selectedValue={sheet?.id ?? ""}
              onTabSelect={(_, d) => {
                if (!model) return;
                model.activeSheetId = String(d.value);
                setSel(A1);
                model.touch();
              }}
            >
              {visibleSheets.map((s) => (
                <Tab key={s.id} value={s.id}>
                  {s.name}
                </Tab>
              ))}
            </TabList>
          </div>
        </div>
        <aside
          className={styles.pane}
          aria-label={t("taskPane")}
          data-testid="task-pane"
          onPointerDownCapture={() => paneAction.current++}
          onKeyDownCapture={() => paneAction.current++}
        >
          <div className={styles.paneHeader}>
            <TableSimpleRegular />
            {t("taskPane")}
          </div>
          {/* The pane's English switch is the page's only one: it drives the grid's decimal mark too. */}
          {sim && host && (
            <App
              key={loaded?.id}
              host="excel"
              excel={host}
              office={sim.Office}
              lang={lang}
              onLangChange={setLang}
            />
          )}
        </aside>
      </div>

      <Dialog
        open={refused !== null}
        modalType="alert"
        onOpenChange={(_, d) => !d.open && setRefused(null)}
      >
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{refused?.title || t("validationTitle")}</DialogTitle>
            <DialogContent>{refused?.message || t("validationDefault")}</DialogContent>
            <DialogActions>
              {refused?.style === "Stop" ? (
                <Button
                  appearance="primary"
                  onClick={() => {
                    setRefused(null);
                    setTimeout(() => formulaRef.current?.focus(), 0);
                  }}
                >
                  {t("retry")}
                </Button>
              ) : (
                <Button
                  appearance="primary"
                  onClick={() => {
                    setRefused(null);
                    commit(false);
                  }}
                >
                  {t("keepEntry")}
                </Button>
              )}
              <Button
                onClick={() => {
                  setRefused(null);
                  typed.current = [];
                  setDraft(null);
                  gridRef.current?.focus();
                }}
              >
                {t("cancel")}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>

      <Dialog open={confirming !== null} onOpenChange={(_, d) => !d.open && setConfirming(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t("unsavedTitle")}</DialogTitle>
            <DialogContent>{t("unsavedBody", { name: loaded?.label ?? "" })}</DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={() => {
                  const go = confirming;
                  setConfirming(null);
                  void save().then(() => go?.());
                }}
              >
                {t("unsavedSave")}
              </Button>
              <Button
                onClick={() => {
                  const go = confirming;
                  setConfirming(null);
                  go?.();
                }}
              >
                {t("unsavedDiscard")}
              </Button>
              <Button appearance="subtle" onClick={() => setConfirming(null)}>
                {t("cancel")}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
