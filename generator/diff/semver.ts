import { parseDocument } from "yaml";
import type { Change } from "./change.ts";

/** The semver bumps, largest first; `none` when nothing changed. */
export const BUMPS = ["major", "minor", "patch", "none"] as const;
export type Bump = (typeof BUMPS)[number];

/** The bump the generated package needs: major for anything breaking, minor for additions, patch for documentation. */
export function impliedBump(changes: readonly Change[]): Bump {
  const impacts = changes.flatMap((c) => [c.producer, c.consumer]);
  if (impacts.includes("breaking")) return "major";
  if (impacts.includes("warning") || impacts.includes("compatible")) return "minor";
  if (impacts.includes("docs")) return "patch";
  return "none";
}

function parts(version: string): [number, number, number] | null {
  const m = /^(\d+)\.(\d+)\.(\d+)(?:-[0-9A-Za-z.-]+)?$/u.exec(version);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

/** The bump from one version to the next; null when `head` is not above `base` in the part that moved (or either is not x.y.z). */
export function versionBump(base: string, head: string): Bump | null {
  const b = parts(base), h = parts(head);
  if (!b || !h) return null;
  if (h[0] !== b[0]) return h[0] > b[0] ? "major" : null;
  if (h[1] !== b[1]) return h[1] > b[1] ? "minor" : null;
  if (h[2] !== b[2]) return h[2] > b[2] ? "patch" : null;
  return "none";
}

/** Whether a version bump is at least the bump the changes imply. */
export function bumpSuffices(actual: Bump | null, needed: Bump): boolean {
  return actual !== null && BUMPS.indexOf(actual) <= BUMPS.indexOf(needed);
}

/** The next version for a bump ("1.2.3" + minor → "1.3.0"); the version itself for none, or when it is not x.y.z. */
export function nextVersion(version: string, bump: Bump): string {
  const p = parts(version);
  if (!p || bump === "none") return version;
  const [a, b, c] = p;
  return bump === "major" ? `${a + 1}.0.0` : bump === "minor" ? `${a}.${b + 1}.0` : `${a}.${b}.${c + 1}`;
}

/** api.yaml's text with package.version replaced, its comments and layout kept. */
export function withPackageVersion(apiYaml: string, version: string): string {
  const doc = parseDocument(apiYaml);
  doc.setIn(["package", "version"], version);
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false, indentSeq: true });
}
