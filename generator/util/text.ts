/** Code-point comparison: the only sort order used for output (never locale-dependent). */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Normalises generated text: LF line endings and exactly one final newline. */
export function normalizeText(text: string): string {
  const lf = text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
  // A loop, not /\n+$/: on multi-megabyte files the regex rescans every run of newlines.
  let end = lf.length;
  while (end > 0 && lf.charCodeAt(end - 1) === 10) end--;
  return `${lf.slice(0, end)}\n`;
}

/** JSON with two-space indent, keys in insertion order, one trailing newline. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + "\n";
}

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = up;
    }
  }
  return prev[b.length]!;
}

/** The closest candidate within a distance that makes a typo plausible, or null. */
export function closest(word: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  const limit = Math.max(2, Math.floor(word.length / 3));
  for (const c of candidates) {
    const [w, k] = [word.toLowerCase(), c.toLowerCase()];
    // A prefix ("str" for "string") is as plausible as a one-letter typo.
    const d = w.length >= 3 && (k.startsWith(w) || w.startsWith(k)) ? 1 : editDistance(w, k);
    if (d < bestDistance && d <= limit) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}
