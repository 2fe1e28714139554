/** A short unified diff of two texts (line-based, Myers-free LCS on the changed middle), capped at `maxLines`. */
export function unifiedDiff(path: string, before: string, after: string, maxLines = 40, context = 2): string {
  const a = before.split("\n"), b = after.split("\n");
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length, endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) { endA--; endB--; }
  const midA = a.slice(start, endA), midB = b.slice(start, endB);
  const ops = midA.length * midB.length <= 4_000_000 ? lcsOps(midA, midB) : [...midA.map((l) => `-${l}`), ...midB.map((l) => `+${l}`)];
  const from = Math.max(0, start - context);
  const lines = [
    `--- ${path} (on disk)`,
    `+++ ${path} (generated)`,
    `@@ -${from + 1},${endA - from + context} +${from + 1},${endB - from + context} @@`,
    ...a.slice(from, start).map((l) => ` ${l}`),
    ...ops,
    ...a.slice(endA, endA + context).map((l) => ` ${l}`),
  ];
  return lines.length > maxLines ? [...lines.slice(0, maxLines), `… ${lines.length - maxLines} more diff lines`].join("\n") : lines.join("\n");
}

function lcsOps(a: readonly string[], b: readonly string[]): string[] {
  const n = a.length, m = b.length;
  const t: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) t[i]![j] = a[i] === b[j] ? t[i + 1]![j + 1]! + 1 : Math.max(t[i + 1]![j]!, t[i]![j + 1]!);
  const out: string[] = [];
  let i = 0, j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) { out.push(` ${a[i]}`); i++; j++; }
    else if (t[i + 1]![j]! >= t[i]![j + 1]!) out.push(`-${a[i++]}`);
    else out.push(`+${b[j++]}`);
  }
  while (i < n) out.push(`-${a[i++]}`);
  while (j < m) out.push(`+${b[j++]}`);
  return out;
}
