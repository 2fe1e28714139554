/**
 * One report format for every command that names files (check, generate, diff, doc-diff, spec
 * diagnostics): plain text for people, GitHub workflow commands for pull-request annotations, JSON
 * for tools. Commands build `Finding`s; only this module decides how they are printed.
 */

export const REPORT_FORMATS = ["text", "github", "json"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export type FindingSeverity = "error" | "warning" | "notice";

/** One thing a command reports, located in a file relative to the repository root. */
export interface Finding {
  readonly severity: FindingSeverity;
  /** Stable kebab-case code (a diagnostic code, a change id, `stale-file`, ...). */
  readonly code: string;
  /** Path relative to the repository root, `/`-separated; null when the finding is about no file. */
  readonly file: string | null;
  /** 1-based; null when unknown. */
  readonly line: number | null;
  readonly col: number | null;
  /** One line. */
  readonly message: string;
  /** Further text a person may want (a diff, a hint); printed under the finding in text form only. */
  readonly detail?: string;
}

/** Checks a `--format` value; throws a readable message for a wrong one. */
export function parseReportFormat(value: string): ReportFormat {
  if ((REPORT_FORMATS as readonly string[]).includes(value)) return value as ReportFormat;
  throw new Error(`--format must be one of ${REPORT_FORMATS.join(", ")}, not '${value}'`);
}

function location(f: Finding): string {
  if (f.file === null) return "";
  return `${f.file}${f.line === null ? "" : `:${f.line}${f.col === null ? "" : `:${f.col}`}`} `;
}

/** `specs/order.yaml:14:7 error unknown-type: ...`, the compiler style of every text report. */
export function formatFindingText(f: Finding): string {
  return `${location(f)}${f.severity} ${f.code}: ${f.message}${f.detail ? `\n${f.detail.replace(/\n$/, "")}` : ""}`;
}

// GitHub workflow commands: data escapes %, CR and LF; property values also escape : and ,.
function ghData(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function ghProp(s: string): string {
  return ghData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** `::error file=specs/order.yaml,line=14,col=7,title=unknown-type::message`, one line per finding. */
export function formatFindingGithub(f: Finding): string {
  const props: string[] = [];
  if (f.file !== null) props.push(`file=${ghProp(f.file)}`);
  if (f.file !== null && f.line !== null) props.push(`line=${f.line}`);
  if (f.file !== null && f.line !== null && f.col !== null) props.push(`col=${f.col}`);
  props.push(`title=${ghProp(f.code)}`);
  return `::${f.severity} ${props.join(",")}::${ghData(f.message)}`;
}

/** Prints findings in one format: text and github one entry per line, json one document. */
export function formatFindings(findings: readonly Finding[], format: ReportFormat, summary?: Record<string, unknown>): string {
  switch (format) {
    case "text":
      return findings.map((f) => formatFindingText(f) + "\n").join("");
    case "github":
      return findings.map((f) => formatFindingGithub(f) + "\n").join("");
    case "json":
      return JSON.stringify({ ...(summary ?? {}), findings: findings.map(jsonFinding) }, null, 2) + "\n";
    default: {
      const never: never = format;
      throw new Error(`unknown format ${String(never)}`);
    }
  }
}

function jsonFinding(f: Finding): Record<string, unknown> {
  const o: Record<string, unknown> = { severity: f.severity, code: f.code, file: f.file, line: f.line, col: f.col, message: f.message };
  if (f.detail !== undefined) o.detail = f.detail;
  return o;
}
