import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import { CHANGE_IDS, type Change } from "./change.ts";

/** The file, at the repository root, that accepts known changes. */
export const IGNORE_FILE = ".pango-diff-ignore.yaml";

/** One accepted change: its kind's id, where, why, and until when. */
export interface IgnoreEntry {
  readonly id: string;
  readonly entity: string | null;
  readonly field: string | null;
  readonly reason: string;
  /** YYYY-MM-DD; after that day the entry no longer applies and is warned about. */
  readonly expires: string | null;
  readonly line: number;
}

/** A problem of the ignore file, at file:line:col. */
export interface IgnoreProblem { readonly severity: "error" | "warning"; readonly file: string; readonly line: number; readonly col: number; readonly message: string }

const KEYS = new Set(["id", "entity", "field", "reason", "expires"]);
const IDS = new Set(Object.values(CHANGE_IDS));

function at(lc: LineCounter, node: Node | null | undefined): { line: number; col: number } {
  const p = lc.linePos(node?.range?.[0] ?? 0);
  return { line: p.line, col: p.col };
}

/** Reads and checks the ignore file's entries; `today` (YYYY-MM-DD) decides which have expired. */
export function parseIgnoreFile(file: string, text: string, today: string): { entries: IgnoreEntry[]; problems: IgnoreProblem[] } {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  const problems: IgnoreProblem[] = [];
  const err = (node: Node | null | undefined, message: string, severity: "error" | "warning" = "error") => problems.push({ severity, file, ...at(lc, node), message });
  for (const e of doc.errors) problems.push({ severity: "error", file, line: e.linePos?.[0].line ?? 1, col: e.linePos?.[0].col ?? 1, message: e.message.split("\n")[0]! });
  if (problems.length > 0) return { entries: [], problems };
  const root = doc.contents;
  if (root === null) return { entries: [], problems };
  if (!isSeq(root)) { err(root, "the ignore file is a list of entries (- id: PD020, entity: …, field: …, reason: …, expires: YYYY-MM-DD)"); return { entries: [], problems }; }
  const entries: IgnoreEntry[] = [];
  for (const item of root.items) {
    if (!isMap(item)) { err(item as Node, "an entry is a mapping with id, reason and optionally entity, field, expires"); continue; }
    const value = (key: string): { node: Node | null; text: string | null } => {
      const pair = item.items.find((p) => isScalar(p.key) && p.key.value === key);
      const v = pair?.value as Node | null | undefined;
      return { node: v ?? null, text: v && isScalar(v) && v.value !== null ? String(v.value) : null };
    };
    for (const p of item.items) if (!isScalar(p.key) || !KEYS.has(String(p.key.value))) err(p.key as Node, `unknown key '${isScalar(p.key) ? String(p.key.value) : "?"}'; an entry has id, entity, field, reason, expires`);
    const id = value("id"), reason = value("reason"), expires = value("expires");
    if (!id.text) err(item, "an entry needs an id (PD001…; `pango-codegen diff` shows each change's)");
    else if (!IDS.has(id.text)) err(id.node, `unknown change id '${id.text}'`);
    if (!reason.text?.trim()) err(reason.node ?? item, "an entry needs a reason: why this change is accepted");
    if (expires.text !== null && !/^\d{4}-\d{2}-\d{2}$/u.test(expires.text)) err(expires.node, `expires '${expires.text}' is not a date YYYY-MM-DD`);
    if (!id.text || !IDS.has(id.text) || !reason.text?.trim() || (expires.text !== null && !/^\d{4}-\d{2}-\d{2}$/u.test(expires.text))) continue;
    if (expires.text !== null && expires.text < today) { err(expires.node, `the entry for ${id.text} expired on ${expires.text}; the change it accepted is reported again`, "warning"); continue; }
    entries.push({ id: id.text, entity: value("entity").text, field: value("field").text, reason: reason.text!, expires: expires.text, line: at(lc, item).line });
  }
  return { entries, problems };
}

/** Reads the ignore file of a repository root, if there is one. */
export function readIgnoreFile(root: string, today: string): { entries: IgnoreEntry[]; problems: IgnoreProblem[] } {
  const path = join(root, IGNORE_FILE);
  return existsSync(path) ? parseIgnoreFile(IGNORE_FILE, readFileSync(path, "utf8"), today) : { entries: [], problems: [] };
}

/** Whether an entry accepts a change: same id, and the entity and field when the entry names them. */
export function accepts(e: IgnoreEntry, c: Change): boolean {
  return e.id === CHANGE_IDS[c.kind] && (e.entity === null || e.entity === c.entity) && (e.field === null || e.field === c.field || e.field === [c.table, c.field].filter(Boolean).join("."));
}

/** Splits changes into those still reported and those an entry accepts (with the entry's reason). */
export function applyIgnores(changes: readonly Change[], entries: readonly IgnoreEntry[]): { kept: Change[]; ignored: { change: Change; entry: IgnoreEntry }[] } {
  const kept: Change[] = [], ignored: { change: Change; entry: IgnoreEntry }[] = [];
  for (const c of changes) {
    const entry = entries.find((e) => accepts(e, c));
    if (entry) ignored.push({ change: c, entry }); else kept.push(c);
  }
  return { kept, ignored };
}
