/** Markdown text helpers for the field-table pages: every doc string goes through `cell` or `inline`. */

// Characters Markdown would interpret inside a table cell (emphasis, code, links, strike, cell bars); escaped so the
// doc text shows verbatim. Others ("(", "#", "+") only act at a line start or after "]", which cells never give them.
const MARKDOWN_SPECIAL = /[\\`*_[\]|~]/gu;

/** Doc text made literal in Markdown: specials backslash-escaped, `<`, `>` and `&` as entities. */
export function inline(text: string): string {
  return text
    .replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;")
    .replace(MARKDOWN_SPECIAL, (c) => `\\${c}`)
    .replace(/\r\n?|[\n\u2028\u2029]/gu, " ");
}

/** Doc text for a table cell: literal like `inline`, line breaks kept as `<br>`. */
export function cell(text: string | null): string {
  if (text === null || text === "") return "";
  return text.split(/\r\n?|[\n\u2028\u2029]/u).map(inline).join("<br>");
}

/** A code span holding any text, safe in a table cell (the fence is longer than any backtick run inside). */
export function codeSpan(text: string): string {
  const flat = text.replace(/\r\n?|[\n\u2028\u2029]/gu, " ");
  const longest = Math.max(0, ...(flat.match(/`+/gu) ?? []).map((r) => r.length));
  const fence = "`".repeat(longest + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") || flat === "" ? " " : "";
  // A bar would end the table cell even inside a code span; GFM reads `\|` there as a bar.
  return `${fence}${pad}${flat}${pad}${fence}`.replace(/\|/gu, "\\|");
}

/** A Markdown table from a header and rows of already-escaped cells. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(" | ")} |`.replace(/ {2,}\|/gu, " |");
  return [line(header), `|${header.map(() => "---").join("|")}|`, ...rows.map(line)].join("\n");
}
