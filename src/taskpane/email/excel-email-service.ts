/**
 * EmailService over the open workbook (src/excel, Office.js or the simulator) and ExcelJS in the
 * browser (src/xlsx/email). Nothing leaves the machine: returned files are parsed here and copies are
 * handed to the browser as downloads.
 */
import { analyzeWorkbook } from "../../core";
import type { Lang } from "../../core/i18n";
import { defaultProfile, type ClusterProfile } from "../../core/profile";
import type { CriterionNode } from "../../core/report";
import type { ConsolidateOptions } from "../../core/returns";
import {
  checkWorkbookBeforeSending,
  existingSummaryGrid,
  formSettingsOf,
  importReturns,
  profileOf,
  readDocumentBytes,
  readWorkbookSnapshot,
  saveProfilePart,
  type OfficeDocumentHost,
  type WorkbookSnapshot,
} from "../../excel/email";
import {
  freezeThiduaFormulas,
  planFreezeThiduaFormulas,
  undoFreeze,
  type FreezePlan,
} from "../../excel/freeze";
import type { ExcelHost } from "../../excel/host";
import { ExcelAdapterError } from "../../excel/host";
// ExcelJS and jszip weigh more than the rest of the pane together: loaded on first use, as their
// own chunk, so opening the pane stays fast for a head who never touches the email tab.
type XlsxEmail = typeof import("../../xlsx/email");
let xlsxModule: Promise<XlsxEmail> | null = null;
const xlsx = (): Promise<XlsxEmail> => (xlsxModule ??= import("../../xlsx/email"));

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
import type {
  Choices,
  CleanCopy,
  EmailService,
  FreezePlanView,
  PickedFile,
  ReadProgress,
  ReturnsWritten,
  TemplateFile,
} from "./service";
import { EmailServiceError } from "./service";
import { EMAIL_STRINGS } from "./strings";
import { defineStrings } from "../../core/i18n";

const SERVICE_STRINGS = defineStrings(
  "taskpane-email-service",
  {
    noCriteria:
      "chưa tìm thấy bảng tiêu chí trong sổ này ({reason}). Hãy mở sổ có bảng điểm của cụm rồi thử lại.",
    noMembers: "chưa có danh sách đơn vị thành viên. Hãy nhập ở thẻ Cấu hình.",
    protected: "trang tính đang được bảo vệ ({detail}). Hãy bỏ bảo vệ rồi thử lại.",
    notFound: "không tìm thấy trang tính {detail}; có thể nó vừa bị đổi tên hoặc xóa.",
    tooLarge: "dữ liệu quá lớn để ghi một lần.",
  },
  {
    noCriteria:
      "no criteria table found in this workbook ({reason}). Open the workbook with the cluster's score table and try again.",
    noMembers: "the member list is empty. Enter it on the Settings tab.",
    protected: "the sheet is protected ({detail}). Unprotect it and try again.",
    notFound: "sheet {detail} was not found; it may have just been renamed or deleted.",
    tooLarge: "too much data to write at once.",
  }
);

/** The Excel namespace as the pane has it: `run`, and `createWorkbook` where the host supports it. */
export type EmailExcel = ExcelHost & { createWorkbook?: (base64: string) => Promise<void> };

function toBase64(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function blobOf(bytes: Uint8Array): Blob {
  return new Blob([bytes.slice().buffer as ArrayBuffer], { type: XLSX_MIME });
}

export function createExcelEmailService(xl: EmailExcel, office?: OfficeDocumentHost): EmailService {
  const fail = (lang: Lang, e: unknown): never => {
    if (e instanceof EmailServiceError) throw e;
    if (e instanceof ExcelAdapterError) {
      const detail = e.detail ?? "";
      const key =
        e.code === "sheet-protected"
          ? "protected"
          : e.code === "sheet-not-found"
            ? "notFound"
            : e.code === "too-large"
              ? "tooLarge"
              : null;
      if (key) throw new EmailServiceError(SERVICE_STRINGS.t(lang, key, { detail }));
    }
    throw e;
  };

  const profileFrom = (snap: WorkbookSnapshot): ClusterProfile =>
    profileOf(snap) ?? defaultProfile();

  /** The head's scoring table: the user's own visible sheets, ours left out. */
  const headReading = (snap: WorkbookSnapshot, profile: ClusterProfile, lang: Lang) => {
    const mine = snap.sheets
      .filter((s) => !s.ours && s.visibility === "Visible")
      .map((s) => s.name);
    const res = analyzeWorkbook(
      snap.grids.filter((g) => mine.includes(g.sheetName)),
      { profile, lang }
    );
    // From the second round on, the summary we wrote may be the only score table in the workbook.
    const summary = existingSummaryGrid(snap, lang);
    if (res.ok || !summary) return res;
    const again = analyzeWorkbook([summary], { profile, lang });
    return again.ok ? again : res;
  };

  const consolidateOptions = (
    snap: WorkbookSnapshot,
    profile: ClusterProfile,
    lang: Lang
  ): ConsolidateOptions => {
    const res = headReading(snap, profile, lang);
    const criteria: CriterionNode[] | undefined = res.ok ? res.report.criteria : undefined;
    return criteria ? { criteria } : {};
  };

  const returns = async (
    files: PickedFile[],
    lang: Lang,
    choices: Choices,
    write: boolean,
    accept: string[] = [],
    onProgress?: (p: ReadProgress) => void
  ): Promise<ReturnsWritten> => {
    try {
      const snap = await readWorkbookSnapshot(xl);
      const profile = profileFrom(snap);
      // One file at a time: each is inflated under the reader's budget, and twenty attachments read
      // at once would hold twenty budgets in the pane's memory. A bad file comes back with its error.
      const reader = await xlsx();
      const parsed: Awaited<ReturnType<XlsxEmail["readReturnedWorkbook"]>>[] = [];
      for (const [i, f] of files.entries()) {
        if (onProgress) {
          onProgress({ index: i + 1, total: files.length, file: f.name });
          // Reading is synchronous work: give the pane a frame to show which file it is on.
          await new Promise<void>((resolve) => setTimeout(resolve, 0));
        }
        parsed.push(await reader.readReturnedWorkbook(f.bytes, f.name, lang));
      }
      const out = await importReturns(xl, parsed, profile, {
        ...consolidateOptions(snap, profile, lang),
        checkYear: profileOf(snap) !== null,
        lang,
        write,
        choices,
        accept,
      });
      return { result: out.result, sheetName: out.sheetName };
    } catch (e) {
      return fail(lang, e);
    }
  };

  return {
    async formSettings() {
      return formSettingsOf(await readWorkbookSnapshot(xl));
    },

    async templateFiles(lang: Lang, confirmed): Promise<TemplateFile[]> {
      const snap = await readWorkbookSnapshot(xl);
      // What the head confirmed is what the forms carry, and what their return is checked against.
      const profile = {
        ...profileFrom(snap),
        year: confirmed.year,
        clusterName: confirmed.clusterName.trim(),
      };
      const res = headReading(snap, profile, lang);
      if (!res.ok)
        throw new EmailServiceError(SERVICE_STRINGS.t(lang, "noCriteria", { reason: res.message }));
      // Without a member list, the units of the head's table are the members (as for the covenant).
      const members =
        profile.members.length > 0 ? profile.members : res.report.units.map((u) => u.name);
      if (members.length === 0) throw new EmailServiceError(SERVICE_STRINGS.t(lang, "noMembers"));
      // The forms go to Vietnamese units and must read back: the engine knows the Vietnamese header
      // words and "Đơn vị:" only, so a form is always Vietnamese whatever the pane's language.
      const { buildTemplateFiles } = await xlsx();
      const files = await buildTemplateFiles({ ...profile, members }, res.report.criteria, {
        lang: "vi",
        date: new Date(),
      });
      try {
        await saveProfilePart(xl, profile);
      } catch (e) {
        return fail(lang, e);
      }
      return files.map((f) => ({ unit: f.unit, fileName: f.fileName, blob: blobOf(f.bytes) }));
    },

    async openTemplateWorkbook(file: TemplateFile): Promise<boolean> {
      if (typeof xl.createWorkbook !== "function") return false;
      const bytes = new Uint8Array(await file.blob.arrayBuffer());
      await xl.createWorkbook(toBase64(bytes));
      return true;
    },

    previewReturns: (files, lang, choices, accept, onProgress) =>
      returns(files, lang, choices, false, accept, onProgress).then((r) => r.result),
    writeReturns: (files, lang, choices, accept, onProgress) =>
      returns(files, lang, choices, true, accept, onProgress),

    async checkBeforeSending(lang) {
      try {
        return await checkWorkbookBeforeSending(xl, lang);
      } catch (e) {
        return fail(lang, e);
      }
    },

    async planFreeze(): Promise<FreezePlanView> {
      return planFreezeThiduaFormulas(xl);
    },

    async applyFreeze(plan: FreezePlanView, lang: Lang) {
      try {
        return await freezeThiduaFormulas(xl, plan as FreezePlan, lang);
      } catch (e) {
        return fail(lang, e);
      }
    },

    async undoFreeze(lang: Lang) {
      try {
        return await undoFreeze(xl);
      } catch (e) {
        return fail(lang, e);
      }
    },

    async cleanCopy(lang: Lang): Promise<CleanCopy> {
      const snap = await readWorkbookSnapshot(xl);
      const profile = profileFrom(snap);
      const base =
        profile.clusterName.trim() || (lang === "en" ? "Emulation results" : "Kết quả thi đua");
      const { buildCleanCopy, safeFileName, workbookFromGrids } = await xlsx();
      const fileName = safeFileName(EMAIL_STRINGS.t(lang, "copyName", { name: base }));
      const bytes = await readDocumentBytes(office);
      if (bytes) {
        const res = await buildCleanCopy(bytes);
        return {
          file: { fileName, blob: blobOf(res.bytes) },
          frozen: res.frozen.length,
          withoutValue: res.withoutValue,
          fromFile: true,
        };
      }
      const hidden = snap.sheets.filter((s) => s.visibility !== "Visible").map((s) => s.name);
      const res = await workbookFromGrids(snap.grids, hidden, snap.profileXml);
      return {
        file: { fileName, blob: blobOf(res.bytes) },
        frozen: res.frozen.length,
        withoutValue: res.withoutValue,
        fromFile: false,
      };
    },
  };
}
