// The import report in words, for the command line and for the chat alike: counts first, then the
// rejected rows (row number and reason), then the notes.
import type { Translate } from "../i18n.ts";
import type { ImportCounts, RosterRejection, RosterWarning } from "./roster-types.ts";

export interface RosterReport extends ImportCounts {
  rejected: RosterRejection[];
  warnings: RosterWarning[];
}

export interface ReportOptions {
  /** Rows listed per kind; the rest are counted in one line. All when absent. */
  limit?: number;
  /** Leaves out the offending value of a bad phone number (the report goes to a group). */
  hidePhones?: boolean;
}

/** The report as lines in one locale. */
export function rosterReportLines(t: Translate, report: RosterReport, options: ReportOptions = {}): string[] {
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const lines = [t("roster.report", { ...pickCounts(report), rejected: report.rejected.length })];
  if (report.erased) lines.push(t("roster.erased_skipped", { count: report.erased }));
  for (const rejection of report.rejected.slice(0, limit)) {
    const detail = options.hidePhones && rejection.reason === "bad_phone" ? "" : (rejection.detail ?? "");
    lines.push(
      t("roster.rejected_row", { row: rejection.row, reason: t(`roster.reasons.${rejection.reason}`), detail }).trim(),
    );
  }
  if (report.rejected.length > limit) lines.push(t("roster.more_rejected", { count: report.rejected.length - limit }));
  for (const warning of report.warnings.slice(0, limit)) {
    lines.push(
      t("roster.warning_row", {
        row: warning.row,
        reason: t(`roster.warnings.${warning.code}`),
        detail: warning.detail,
      }).trim(),
    );
  }
  if (report.warnings.length > limit) lines.push(t("roster.more_warnings", { count: report.warnings.length - limit }));
  return lines;
}

function pickCounts(report: ImportCounts): ImportCounts {
  return { imported: report.imported, updated: report.updated, unchanged: report.unchanged };
}
