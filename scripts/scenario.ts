/**
 * npm run scenario: the proof that a documentation change costs the documented commands and no test edits
 * (issue 11). In a copy of the repository (tracked files, empty temp folder, offline install, its own git
 * history), eight ordinary changes are made to the saved pages one after another, then two to the API facts
 * (specs/api.yaml, which the maintainer keeps by hand: facts edited, a field added to the request body); after each, the README's
 * maintainer commands run ("When the documentation changes"); at the end `npm test` must pass with no file under
 * test/ changed. Prints per change the commands, their exit codes and the semver bump. Not part of npm test.
 *
 * The edits find their place from the pages and specs as they are (never pinned rows or lines): a new row before
 * the last row of the first table, an enum written as an inline list, an optional row, a new tagged entity before
 * the page furniture, a description erratum's text, an optional row of a closed entity, the inline enum lists of
 * the entity with the most, the required fields of the first entity of that page, api.yaml's first rate
 * limit, first quoted error message and token header, and a new envelope field before `entries`.
 */
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse, parseDocument, type YAMLMap, type YAMLSeq } from "yaml";
import { importPage } from "../generator/doc/import-page.ts";
import type { DraftSpec, DraftTable } from "../generator/doc/draft.ts";
import { copyTracked, installOffline, sh } from "./repo-copy.mjs";

const root = join(import.meta.dirname, "..");
const bin = ["generator/bin/pango-codegen.js"];
type Spec = { page?: string; objectType: string; customFields?: boolean; fields: { name: string; required?: boolean }[]; rules?: { doc: string[] }[]; errata?: { field: string | null; property: string; doc: string; corrected: string | null }[] };

function specs(dir: string): Spec[] {
  return readdirSync(join(dir, "specs")).filter((n) => n.endsWith(".yaml") && n !== "api.yaml").sort().map((n) => parse(readFileSync(join(dir, "specs", n), "utf8")) as Spec);
}
const pagePath = (dir: string, page: string): string => join(dir, "pages", page);
const lines = (dir: string, page: string): string[] => readFileSync(pagePath(dir, page), "utf8").split("\n");
const save = (dir: string, page: string, ls: string[]): void => writeFileSync(pagePath(dir, page), ls.join("\n"));
const drafts = (dir: string, page: string): DraftSpec[] => [...importPage(readFileSync(pagePath(dir, page), "utf8")).specs];
/**
 * A whole page (it ends with the page furniture; a cut copy could not gain a table at its end) with blank lines
 * between cells (the layout of the new rows below): the first page named that reads so.
 */
function roomyPage(dir: string): string {
  const whole = (p: string): boolean => lines(dir, p).some((l) => /^(Previous|Last updated)/u.test(l));
  const page = [...new Set(specs(dir).map((s) => s.page!))].sort().find((p) => whole(p) && lines(dir, p).filter((l) => l === "").length > lines(dir, p).length / 5);
  if (!page) throw new Error("no saved page with blank lines between cells");
  return page;
}
/** A field no rule, erratum or Required mark involves: safe to edit without touching the maintainer's additions. */
function plainField(s: Spec, t: DraftTable, name: string): boolean {
  const f = t.fields.find((x) => x.name === name);
  const inRule = (s.rules ?? []).some((r) => JSON.stringify(r).includes(`"${name}"`));
  return !!f && !f.docRequired && !f.table && !inRule && !(s.errata ?? []).some((e) => e.field === name) && f.docType !== null;
}

const CHANGES: { what: string; edit: (dir: string) => string }[] = [
  { what: "an optional field added", edit: (dir) => {
    const page = roomyPage(dir), t = drafts(dir, page)[0]!;
    const at = t.fieldLines.get(t.fields[t.fields.length - 1]!.name)! - 1;
    const ls = lines(dir, page);
    ls.splice(at, 0, "scenarioNote", "", "String", "", "A note added by the scenario", "", "hello", "");
    save(dir, page, ls);
    return `${page}: row scenarioNote before line ${at + 1} (${t.objectType})`;
  } },
  { what: "an enum value added", edit: (dir) => {
    for (const s of specs(dir)) {
      const d = drafts(dir, s.page!).find((x) => x.objectType === s.objectType)!;
      const f = d.fields.find((x) => x.enum && x.description?.split("\n").some((l) => l.endsWith(x.enum!.join(", "))));
      if (!f) continue;
      const ls = lines(dir, s.page!), i = ls.findIndex((l, k) => k >= d.fieldLines.get(f.name)! && l.endsWith(f.enum!.join(", ")));
      ls[i] = `${ls[i]}, scenarioValue`;
      save(dir, s.page!, ls);
      return `${s.page}:${i + 1}: ${s.objectType}.${f.name} gains "scenarioValue"`;
    }
    throw new Error("no enum written as an inline list");
  } },
  { what: "a field made required", edit: (dir) => {
    const page = roomyPage(dir), d = drafts(dir, page)[0]!, s = specs(dir).find((x) => x.objectType === d.objectType)!;
    const f = d.fields.find((x) => plainField(s, d, x.name) && x.name !== "scenarioNote")!;
    const ls = lines(dir, page), typeLine = ls.findIndex((l, k) => k >= d.fieldLines.get(f.name)! && l.trim() !== "");
    ls.splice(typeLine + 1, 0, "", "Yes");
    save(dir, page, ls);
    return `${page}:${typeLine + 2}: ${d.objectType}.${f.name} marked Yes`;
  } },
  { what: "a new entity table with a tag", edit: (dir) => {
    const page = roomyPage(dir), ls = lines(dir, page);
    const end = ls.findIndex((l) => /^(Previous|Last updated)/u.test(l));
    ls.splice(end < 0 ? ls.length : end, 0, "Scenario Device Entity <scenario-device> [SUPPORT_IGNORED_UPDATE_CFS]", "", "Name", "Type", "Required", "Valid value / Description", "Example", "",
      "deviceId", "", "String", "", "Yes", "", "Device Id", "", "D-0001", "", "platform", "", "String", "", "Platform: ios, android, web", "", "ios", "");
    save(dir, page, ls);
    return `${page}: entity <scenario-device> before the page furniture`;
  } },
  { what: "a typo fixed that an erratum covered", edit: (dir) => {
    for (const s of specs(dir)) {
      for (const e of s.errata ?? []) {
        if (e.property !== "description" || e.corrected === null || e.doc.includes("\n")) continue;
        const ls = lines(dir, s.page!);
        if (ls.filter((l) => l === e.doc).length !== 1) continue;
        const i = ls.indexOf(e.doc);
        ls[i] = e.corrected;
        save(dir, s.page!, ls);
        return `${s.page}:${i + 1}: ${s.objectType}.${e.field} now reads ${JSON.stringify(e.corrected)}`;
      }
    }
    throw new Error("no one-line description erratum found once on its page");
  } },
  { what: "a row removed from a closed entity", edit: (dir) => {
    for (const s of specs(dir).filter((x) => !x.customFields)) {
      const d = drafts(dir, s.page!).find((x) => x.objectType === s.objectType)!;
      const k = d.fields.findIndex((f, i) => i < d.fields.length - 1 && plainField(s, d, f.name));
      if (k < 0) continue;
      const from = d.fieldLines.get(d.fields[k]!.name)! - 1, to = d.fieldLines.get(d.fields[k + 1]!.name)! - 1;
      const ls = lines(dir, s.page!);
      ls.splice(from, to - from);
      save(dir, s.page!, ls);
      return `${s.page}:${from + 1}: row ${s.objectType}.${d.fields[k]!.name} removed`;
    }
    throw new Error("no closed entity with an optional row to remove");
  } },
  { what: "enums taken off (fields made free text): every inline enum list of the entity that has the most", edit: (dir) => {
    // Enums the consumer recipes and tests might lean on; their lists drop out of the descriptions, the names stay.
    const listed = (s: Spec, d: DraftTable) => d.fields.filter((f) => f.enum && !(s.errata ?? []).some((e) => e.field === f.name) &&
      lines(dir, s.page!).some((l, k) => k >= d.fieldLines.get(f.name)! && l.endsWith(f.enum!.join(", "))));
    const candidates = specs(dir).map((s) => { const d = drafts(dir, s.page!).find((x) => x.objectType === s.objectType)!; return { s, d, fields: listed(s, d) }; });
    const { s, d, fields } = candidates.sort((a, b) => b.fields.length - a.fields.length)[0]!;
    if (fields.length === 0) throw new Error("no enum written as an inline list");
    const ls = lines(dir, s.page!);
    for (const f of fields) {
      const i = ls.findIndex((l, k) => k >= d.fieldLines.get(f.name)! && l.endsWith(f.enum!.join(", ")));
      ls[i] = ls[i]!.slice(0, ls[i]!.length - f.enum!.join(", ").length).replace(/[\s:]+$/u, "") || "Free text";
    }
    save(dir, s.page!, ls);
    return `${s.page}: ${s.objectType}.${fields.map((f) => f.name).join(", .")} lose their value lists`;
  } },
  { what: "an entity's required fields made optional, every one (it then has none)", edit: (dir) => {
    // The first entity of the page the other row edits use; fields in a rule or an erratum keep their mark.
    const page = roomyPage(dir), d = drafts(dir, page)[0]!, s = specs(dir).find((x) => x.objectType === d.objectType)!;
    const names = s.fields.filter((f) => f.required && !(s.rules ?? []).some((r) => JSON.stringify(r).includes(`"${f.name}"`)) && !(s.errata ?? []).some((e) => e.field === f.name)).map((f) => f.name);
    if (names.length === 0) throw new Error(`${d.objectType} has no required field outside rules and errata`);
    const ls = lines(dir, page);
    // Bottom up, so the lines of the rows above stay where the draft found them.
    for (const name of [...names].sort((a, b) => d.fieldLines.get(b)! - d.fieldLines.get(a)!)) {
      const k = d.fields.findIndex((f) => f.name === name), from = d.fieldLines.get(name)! - 1;
      const to = k + 1 < d.fields.length ? d.fieldLines.get(d.fields[k + 1]!.name)! - 1 : from + 12;
      const yes = ls.findIndex((l, i) => i > from && i < to && l.trim() === "Yes");
      if (yes < 0) throw new Error(`no Yes in the row of ${d.objectType}.${name}`);
      // The cell and the blank line before it: the row then reads as rows without a Required mark do.
      ls.splice(ls[yes - 1] === "" ? yes - 1 : yes, ls[yes - 1] === "" ? 2 : 1);
    }
    save(dir, page, ls);
    return `${page}: ${d.objectType}.${names.join(", .")} lose their Yes`;
  } },
  { what: "API facts changed (the Data Ingestion page): a rate limit, a quoted error message, the token header renamed", edit: (dir) => {
    // These facts have no field table for import-doc: the maintainer transcribes them into specs/api.yaml by hand.
    const file = join(dir, "specs", "api.yaml"), doc = parseDocument(readFileSync(file, "utf8"));
    const requests = doc.getIn(["rateLimits", "limits", 0, "requests"]) as number, header = doc.getIn(["headers", "token", "name"]) as string;
    doc.setIn(["rateLimits", "limits", 0, "requests"], requests * 2);
    doc.setIn(["headers", "token", "name"], "X-Scenario-Token");
    const shapes = doc.get("shapes") as YAMLSeq<YAMLMap>;
    const error = shapes.items.find((s) => s.get("typeName") === "ErrorResponse")!;
    const example = (error.get("examples") as YAMLSeq<YAMLMap>).items.find((e) => typeof (e.get("value") as YAMLMap).get("message") === "string")!;
    const message = (example.get("value") as YAMLMap).get("message") as string;
    (example.get("value") as YAMLMap).set("message", `${message} (scenario)`);
    // Written as the maintainer writes it: no folded lines, no padding inside flow collections (the repository's style).
    writeFileSync(file, doc.toString({ lineWidth: 0, flowCollectionPadding: false }));
    return `specs/api.yaml: the first rate limit ${requests} → ${requests * 2} requests, the message ${JSON.stringify(message)} of ${String(example.get("name"))} edited, header ${header} → X-Scenario-Token`;
  } },
  { what: "a required field added to the request body (the Data Ingestion page's \"Payload Parameters\")", edit: (dir) => {
    // Also transcribed by hand: the body's fields are api.yaml's envelope, written before entries in the doc's order.
    const file = join(dir, "specs", "api.yaml"), doc = parseDocument(readFileSync(file, "utf8"));
    const envelope = doc.get("envelope") as YAMLMap;
    const at = envelope.items.findIndex((p) => String((p.key as { value?: unknown }).value) === "entries");
    envelope.items.splice(at, 0, doc.createPair("scenarioBatchId", { description: "Batch id the sender assigns (scenario).", required: true, example: "B-0001" }) as never);
    writeFileSync(file, doc.toString({ lineWidth: 0, flowCollectionPadding: false }));
    return `specs/api.yaml: envelope field scenarioBatchId (required, example B-0001) before entries`;
  } },
];

/** The README's commands after a documentation change, with the exit code each must give (diff's 1 = breaking, told). */
const COMMANDS: { args: string[]; expect: number[] }[] = [
  { args: [...bin, "import-doc", "--update"], expect: [0] },
  { args: [...bin, "diff", "--base", "HEAD", "--bump"], expect: [0, 1] },
  { args: [...bin, "generate", "-q"], expect: [0] },
  { args: [...bin, "doc-diff", "--all", "--fail-on", "any"], expect: [0] },
  { args: [...bin, "check", "--base", "HEAD"], expect: [0] },
];

const git = (dir: string, ...args: string[]) => sh(dir, "git", ["-c", "user.name=scenario", "-c", "user.email=scenario@example.invalid", ...args], { capture: true });

function main(): number {
  const dir = copyTracked(root, "pango-scenario-");
  console.log(`scenario: a copy of the repository in ${dir}`);
  installOffline(dir);
  git(dir, "init", "-q");
  git(dir, "add", "-A");
  git(dir, "commit", "-qm", "scenario base");
  const base = git(dir, "rev-parse", "HEAD").out.trim();
  let failures = 0;
  CHANGES.forEach((c, n) => {
    const where = c.edit(dir);
    console.log(`\n${n + 1}. ${c.what}: ${where}`);
    for (const cmd of COMMANDS) {
      const r = sh(dir, "node", cmd.args, { capture: true });
      const bump = /bump: (\w+)/u.exec(r.out)?.[1];
      const ok = cmd.expect.includes(r.code);
      if (!ok) failures++;
      const implied = /implied bump: (\w+)/u.exec(r.out)?.[1];
      const set = /diff --bump: package\.version (\S+) → (\S+)/u.exec(r.out), covered = /diff --bump: package\.version (\S+) already covers/u.exec(r.out);
      const version = set ? `, package.version ${set[1]} → ${set[2]}` : covered ? `, package.version ${covered[1]} already covers it` : "";
      const told = bump && cmd.args.includes("--update") ? `  → bump ${bump}` : implied && cmd.args[1] === "diff" ? `  → implied bump ${implied}${version}` : "";
      console.log(`   ${ok ? "ok  " : "FAIL"} exit ${r.code}  pango-codegen ${cmd.args.slice(1).join(" ")}${told}`);
      if (!ok) console.log(r.out.split("\n").slice(0, 30).map((l) => `        ${l}`).join("\n"));
    }
    git(dir, "add", "-A");
    git(dir, "commit", "-qm", c.what);
  });
  // npm test's steps one by one (the same commands, in its order), so that a type error does not hide failing suites.
  const steps = [["npm", "run", "build:generator"], ["npm", "run", "typecheck"], ["npx", "vitest", "run"], ["node", ...bin, "check"]];
  let testFailed = false;
  console.log("\nnpm test, step by step:");
  for (const [cmd, ...args] of steps) {
    const r = sh(dir, cmd!, args, { capture: true });
    testFailed ||= r.code !== 0;
    console.log(`   exit ${r.code}  ${cmd} ${args.join(" ")}`);
    if (r.code !== 0) console.log(r.out.replace(/\x1b\[[0-9;]*m/gu, "").split("\n").filter((l) => /^ FAIL |error TS|Test Files|^\s+Tests /u.test(l)).slice(0, 80).map((l) => `        ${l.trim()}`).join("\n"));
  }
  // Committed by the steps, or left in the working tree by npm test: either counts.
  const changedTests = (git(dir, "diff", "--name-only", base, "HEAD", "--", "test/").out + git(dir, "status", "--porcelain", "--", "test/").out).trim();
  console.log(`npm test ${testFailed ? "fails" : "passes"}`);
  console.log(changedTests === "" ? "no file under test/ changed" : `files under test/ changed:\n${changedTests}`);
  console.log(`version: ${/version: (\S+)/u.exec(readFileSync(join(dir, "specs", "api.yaml"), "utf8"))?.[1]}; the copy stays in ${dir}`);
  return failures === 0 && !testFailed && changedTests === "" ? 0 : 1;
}

process.exitCode = main();
