import { CHANGE_IDS, overall, type Change } from "./change.ts";
import type { SpecDiff } from "./diff-specs.ts";
import { grouped, subject, summarize } from "./report.ts";
import { formatFindings, type Finding } from "../report/findings.ts";

/** The report formats of `diff --format`. */
export const DIFF_FORMATS = ["text", "markdown", "json", "github", "junit"] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

const ordered = (d: SpecDiff): Change[] => grouped(d.changes).flatMap(([, list]) => list);

/** A change as a finding: breaking is an error, a warning a warning, the rest notices (github annotations). */
function finding(c: Change): Finding {
  const worst = overall(c);
  return {
    severity: worst === "breaking" ? "error" : worst === "warning" ? "warning" : "notice",
    code: `${CHANGE_IDS[c.kind]} ${c.kind}`, file: c.pos.file, line: c.pos.line, col: c.pos.col,
    message: `${c.entity ?? "package"} ${subject(c)}: ${c.message} (producers: ${c.producer}, consumers: ${c.consumer})`,
  };
}

const cell = (s: string): string => s.replace(/\\/gu, "\\\\").replace(/\|/gu, "\\|").replace(/[\r\n]+/gu, " ");

function markdown(d: SpecDiff): string {
  const s = summarize(d.changes);
  const lines = [`## pango-codegen diff: ${cell(d.base.label)} → ${cell(d.head.label)}`, "",
    `Implied bump: **${d.bump}** (package.version ${d.base.version} → ${d.head.version}${d.versionSuffices ? "" : ", not enough"}). ` +
    `${s.total} changes: ${s.producerBreaking} breaking for producers, ${s.consumerBreaking} breaking for consumers.`, ""];
  if (d.changes.length > 0) {
    lines.push("| id | kind | entity | where | producers | consumers | spec | what |", "|---|---|---|---|---|---|---|---|");
    for (const c of ordered(d)) {
      lines.push(`| ${CHANGE_IDS[c.kind]} | \`${c.kind}\` | ${cell(c.entity ?? "package")} | ${cell(subject(c))} | ${c.producer} | ${c.consumer} | ${cell(`${c.pos.file}:${c.pos.line}:${c.pos.col}`)} | ${cell(c.message)} |`);
    }
  }
  return lines.join("\n") + "\n";
}

const xml = (s: string): string => s.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;").replace(/"/gu, "&quot;");

/** JUnit XML: one test case per change; a breaking one fails. */
function junit(d: SpecDiff): string {
  const list = ordered(d);
  const failures = list.filter((c) => overall(c) === "breaking").length;
  const cases = list.map((c) => {
    const name = xml(`${CHANGE_IDS[c.kind]} ${c.kind} ${c.entity ?? "package"} ${subject(c)}`);
    const body = overall(c) === "breaking"
      ? `<failure message="${xml(c.message)}" type="${c.kind}">${xml(`${c.pos.file}:${c.pos.line}:${c.pos.col} producers: ${c.producer}, consumers: ${c.consumer}`)}</failure>`
      : "";
    return `    <testcase classname="${xml(`pango-codegen.diff.${c.entity ?? "package"}`)}" name="${name}" file="${xml(c.pos.file)}">${body}</testcase>`;
  });
  return [`<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="pango-codegen diff" tests="${list.length}" failures="${failures}">`,
    `  <testsuite name="${xml(`${d.base.label} → ${d.head.label}`)}" tests="${list.length}" failures="${failures}">`,
    ...cases, "  </testsuite>", "</testsuites>", ""].join("\n");
}

/** The report in one of the formats other than text and JSON (see report.ts for those). */
export function formatDiff(d: SpecDiff, format: Exclude<DiffFormat, "text" | "json">): string {
  if (format === "markdown") return markdown(d);
  if (format === "junit") return junit(d);
  return formatFindings(ordered(d).map(finding), "github");
}
