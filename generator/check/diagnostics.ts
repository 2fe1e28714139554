import type { Finding } from "../report/findings.ts";

/** The registry of diagnostic codes: every problem a spec can have, with its severity. */
export const DIAGNOSTIC_CODES = {
  "yaml-syntax": { severity: "error", summary: "the file is not valid YAML" },
  "duplicate-key": { severity: "error", summary: "a mapping repeats a key" },
  "unknown-key": { severity: "error", summary: "a key the spec format does not define" },
  "missing-key": { severity: "error", summary: "a key the spec format requires is absent" },
  "wrong-type": { severity: "error", summary: "a key's value has the wrong YAML type" },
  "invalid-value": { severity: "error", summary: "a value outside what the spec format allows" },
  "unknown-type": { severity: "error", summary: "a field type the spec format does not know" },
  "duplicate-field": { severity: "error", summary: "two fields of one table share a name" },
  "duplicate-object-type": { severity: "error", summary: "two specs declare the same object type" },
  "duplicate-enum-value": { severity: "error", summary: "an enum lists a value twice" },
  "enum-example": { severity: "error", summary: "a field's example is not one of its enum values" },
  "example-type": { severity: "error", summary: "a field's example does not match its type" },
  "unknown-field": { severity: "error", summary: "a rule or erratum names a field the table does not have" },
  "unknown-table": { severity: "error", summary: "a field names a nested table that does not exist" },
  "duplicate-table": { severity: "error", summary: "two nested tables share a title" },
  "circular-table": { severity: "error", summary: "nested tables contain each other" },
  "table-mismatch": { severity: "error", summary: "an object/array field without a table, or a table on another type" },
  "not-applicable": { severity: "error", summary: "a constraint that does not apply to the field's type" },
  "erratum-mismatch": { severity: "error", summary: "an erratum's doc text differs from what the field keeps" },
  "doc-type-mismatch": { severity: "error", summary: "a field's docType reads as another type than its type, with no docType erratum" },
  // A warning: the value list is read from prose by the doc importer's heuristics (generator/doc/infer.ts), which may misread a sentence.
  "enum-description": { severity: "warning", summary: "an enum disagrees with the value list in its own description" },
  "name-collision": { severity: "error", summary: "two things would get the same generated name" },
  "invalid-name": { severity: "error", summary: "a name that cannot become an identifier" },
  "reserved-name": { severity: "error", summary: "a generated name that is reserved" },
  "file-name": { severity: "error", summary: "a spec file not named after its object type" },
  "encoding": { severity: "error", summary: "the file is not UTF-8 text" },
  "file-too-large": { severity: "error", summary: "the file is larger than a spec can reasonably be" },
  "no-specs": { severity: "error", summary: "the specs folder holds no spec" },
  "api-spec": { severity: "error", summary: "a problem in specs/api.yaml" },
} as const;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;
export type Severity = "error" | "warning";

/** One problem, located in a spec file (1-based line and column). */
export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly message: string;
}

export interface SourcePos {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

/** Builds a diagnostic with the registry's severity. */
export function diag(code: DiagnosticCode, pos: SourcePos, message: string): Diagnostic {
  return { code, severity: DIAGNOSTIC_CODES[code].severity, file: pos.file, line: pos.line, col: pos.col, message };
}

function cmp(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorts like a compiler: by file, line, column, then code (code-point order, never locale). */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) => cmp(a.file, b.file) || cmp(a.line, b.line) || cmp(a.col, b.col) || cmp(a.code, b.code) || cmp(a.message, b.message),
  );
}

/** The same problem as a report finding (generator/report/findings.ts), for `--format github|json`. */
export function diagnosticFinding(d: Diagnostic): Finding {
  return { severity: d.severity, code: d.code, file: d.file, line: d.line, col: d.col, message: d.message };
}

/** `specs/customer-identity.yaml:14:7 error unknown-type: ...` */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.col} ${d.severity} ${d.code}: ${d.message}`;
}

export function hasErrors(list: readonly Diagnostic[]): boolean {
  return list.some((d) => d.severity === "error");
}
