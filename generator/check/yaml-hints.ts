import type { Diagnostic } from "./diagnostics.ts";

// Parser messages that, in a hand-written spec, nearly always mean a line is indented wrongly.
const INDENTATION = /Implicit keys need to be on a single line|Nested mappings are not allowed in compact mappings|must start at the same column|Tabs are not allowed as indentation|bad indentation|Implicit map keys need to be followed by map values|Sequence items are not allowed on the same line|A block sequence may not be used as an implicit map key|not indented enough|indented more/u;

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** Which nearby line breaks the column of its neighbours: the first line at or after `n` whose indent differs from the line above it. */
function suspectLine(lines: readonly string[], n: number): { line: number; indent: number; above: number } | null {
  for (let i = Math.max(1, n - 1); i < Math.min(lines.length, n + 2); i++) {
    const cur = lines[i]!, prev = lines[i - 1]!;
    if (cur.trim() === "" || prev.trim() === "") continue;
    if (/^\s*\t/u.test(cur) || (indentOf(cur) !== indentOf(prev) && !prev.trimEnd().endsWith(":") && !/^\s*- /u.test(cur))) {
      const above = indentOf(prev) + (/^\s*- /u.test(prev) ? 2 : 0);
      return { line: i + 1, indent: indentOf(cur), above };
    }
  }
  return null;
}

/**
 * Adds an indentation hint to YAML syntax errors that usually come from a mis-indented line, naming the
 * line and its columns, because the parser's own words ("compact mappings") rarely point there.
 */
export function withIndentationHints(list: readonly Diagnostic[], text: string): Diagnostic[] {
  const lines = text.split("\n");
  return list.map((d) => {
    if (d.code !== "yaml-syntax" || !INDENTATION.test(d.message)) return d;
    const s = suspectLine(lines, d.line);
    const where = s === null ? "" : /\t/u.test(lines[s.line - 1]!.slice(0, s.indent + 1))
      ? ` line ${s.line} is indented with a tab;`
      : ` line ${s.line} starts in column ${s.indent + 1} where the keys above it start in column ${s.above + 1};`;
    return { ...d, message: `${d.message} (hint: check the indentation:${where} YAML nests by indentation, with spaces only, and keys of one mapping start in the same column)` };
  });
}
