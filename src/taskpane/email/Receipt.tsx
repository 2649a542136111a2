/**
 * The receipt of the returned forms, before anything is written: per unit, received or refused and
 * why, complete or not, and what its form's check found (DOMAIN.md §8). A refused form can be taken
 * anyway ("Vẫn nhận"), explicitly, one button per form; the summary sheet then says so.
 */
import * as React from "react";
import {
  Button,
  Caption1,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import { defineStrings, type Lang } from "../../core/i18n";
import type { ReturnedUnit } from "../../core/returns";

export const RECEIPT_STRINGS = defineStrings(
  "taskpane-email-receipt",
  {
    title: "Tình trạng các đơn vị",
    colUnit: "Đơn vị",
    colStatus: "Tình trạng",
    colComplete: "Đủ điểm",
    colIssues: "Cần xem lại",
    received: "Đã nhận",
    acceptedAnyway: "Vẫn nhận ({reason})",
    kept: "Giữ từ bảng tổng hợp",
    missing: "Chưa gửi",
    refused: "Không nhận: {reason}",
    refusedNoReason: "Không nhận",
    notMember: "(không có trong danh sách cụm)",
    complete: "Đủ",
    incomplete: "Chưa đủ",
    unknown: "—",
    noIssue: "Không có",
    issueCount: "{count} vấn đề",
    accept: "Vẫn nhận",
    acceptLabel: "Vẫn nhận phiếu {file} của {unit}",
  },
  {
    title: "Units",
    colUnit: "Unit",
    colStatus: "Status",
    colComplete: "Complete",
    colIssues: "To review",
    received: "Received",
    acceptedAnyway: "Accepted anyway ({reason})",
    kept: "Kept from the summary",
    missing: "Not sent yet",
    refused: "Not accepted: {reason}",
    refusedNoReason: "Not accepted",
    notMember: "(not in the cluster's list)",
    complete: "Yes",
    incomplete: "No",
    unknown: "—",
    noIssue: "None",
    issueCount: "{count} issues",
    accept: "Accept anyway",
    acceptLabel: "Accept the form {file} of {unit} anyway",
  }
);

const useStyles = makeStyles({
  files: { display: "block", color: tokens.colorNeutralForeground3 },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
  },
  cell: { verticalAlign: "top", paddingBlock: tokens.spacingVerticalXS },
});

/** How many things the receipt asks the head to look at: the forms' own issues. */
export function receiptIssueCount(units: readonly ReturnedUnit[]): number {
  return units.reduce((n, u) => n + (u.checks?.length ?? 0), 0);
}

export interface ReceiptProps {
  units: readonly ReturnedUnit[];
  lang: Lang;
  busy: boolean;
  /** The head takes this refused file anyway. */
  onAccept: (file: string) => void;
}

export function Receipt({ units, lang, busy, onAccept }: ReceiptProps): React.JSX.Element {
  const styles = useStyles();
  const t = (k: keyof typeof RECEIPT_STRINGS.vi, p?: Record<string, string | number>): string =>
    RECEIPT_STRINGS.t(lang, k, p);
  const status = (u: ReturnedUnit): string => {
    const s = u.acceptedAnyway
      ? t("acceptedAnyway", { reason: u.reason ?? "" })
      : u.status === "received"
        ? t("received")
        : u.status === "kept"
          ? t("kept")
          : u.status === "missing"
            ? t("missing")
            : u.reason
              ? t("refused", { reason: u.reason })
              : t("refusedNoReason");
    return u.member ? s : `${s} ${t("notMember")}`;
  };
  const complete = (u: ReturnedUnit): string =>
    u.complete === undefined ? t("unknown") : u.complete ? t("complete") : t("incomplete");

  return (
    <Table size="small" aria-label={t("title")}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t("colUnit")}</TableHeaderCell>
          <TableHeaderCell>{t("colStatus")}</TableHeaderCell>
          <TableHeaderCell>{t("colComplete")}</TableHeaderCell>
          <TableHeaderCell>{t("colIssues")}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {units.map((u) => (
          <TableRow key={u.name}>
            <TableCell className={styles.cell}>
              {u.name}
              {u.files.length > 0 && (
                <Caption1 className={styles.files}>{u.files.join(", ")}</Caption1>
              )}
            </TableCell>
            <TableCell className={styles.cell}>
              <div>{status(u)}</div>
              {u.status === "rejected" &&
                u.files.map((file) => (
                  <Button
                    key={file}
                    size="small"
                    disabled={busy}
                    aria-label={t("acceptLabel", { file, unit: u.name })}
                    onClick={() => onAccept(file)}
                  >
                    {t("accept")}
                  </Button>
                ))}
            </TableCell>
            <TableCell className={styles.cell}>{complete(u)}</TableCell>
            <TableCell className={styles.cell}>
              {u.checks === undefined ? (
                t("unknown")
              ) : u.checks.length === 0 ? (
                t("noIssue")
              ) : (
                <>
                  <div>{t("issueCount", { count: u.checks.length })}</div>
                  <ul className={styles.list} aria-label={`${u.name}: ${t("colIssues")}`}>
                    {u.checks.map((c, i) => (
                      <li key={i}>
                        <Caption1>
                          {c.cell ? `${c.cell}: ` : ""}
                          {c.message}
                        </Caption1>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
