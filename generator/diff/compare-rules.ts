import type { AnyOfRule, Table } from "../model/ir.ts";
import { byCodePoint } from "../util/text.ts";
import { change, type Change, type Place } from "./change.ts";

/** More fields than this in the rules of one table and implication is not decided exactly (it is assumed not to hold). */
const MAX_EXACT_FIELDS = 20;

/** A rule's meaning without its doc text or order: each group as a sorted set, the groups sorted. */
function signature(r: AnyOfRule): string {
  return JSON.stringify(r.groups.map((g) => [...new Set(g)].sort(byCodePoint)).map((g) => g.join("\u0000")).sort(byCodePoint));
}

const satisfied = (r: AnyOfRule, present: ReadonlySet<string>): boolean => r.groups.some((g) => g.every((f) => present.has(f)));

/**
 * Whether every presence pattern the base table accepts (its required fields present, its rules met) also meets `rule`.
 * Decided exactly by trying every pattern of the fields the rules mention: tables have a handful of them.
 */
export function impliedByBase(rule: AnyOfRule, base: Table): boolean {
  const required = new Set(base.fields.filter((f) => f.required).map((f) => f.name));
  const names = [...new Set([...rule.groups.flat(), ...base.rules.flatMap((r) => r.groups.flat())])].filter((n) => !required.has(n));
  if (names.length > MAX_EXACT_FIELDS) return false;
  for (let mask = 0; mask < 2 ** names.length; mask++) {
    const present = new Set(required);
    names.forEach((n, i) => { if (mask & (2 ** i)) present.add(n); });
    if (base.rules.every((r) => satisfied(r, present)) && !satisfied(rule, present)) return false;
  }
  return true;
}

const describeRule = (r: AnyOfRule): string => r.groups.map((g) => g.join(" + ")).join(" or ");

/** Pairs a removed base rule with an added head rule that quotes a doc sentence of it or names a field of it: the same rule, edited. */
function partner(h: AnyOfRule, candidates: readonly AnyOfRule[]): AnyOfRule | undefined {
  const fields = new Set(h.groups.flat());
  return candidates.find((b) => b.doc.some((d) => h.doc.includes(d))) ?? candidates.find((b) => b.groups.flat().some((f) => fields.has(f)));
}

/** Compares the conditional (any-of) rules of a table: added or tightened ones break producers and constructing code. */
export function compareRules(base: Table, head: Table, at: Place): Change[] {
  const baseBySig = new Map(base.rules.map((r) => [signature(r), r]));
  const headSigs = new Set(head.rules.map(signature));
  const removed = base.rules.filter((r) => !headSigs.has(signature(r)));
  const out: Change[] = [];
  for (const h of head.rules) {
    const where = { pos: h.pos, side: "head" as const };
    const same = baseBySig.get(signature(h));
    if (same) {
      if (same.doc.join("\n") !== h.doc.join("\n")) out.push(change("rule-doc-changed", at, where, "docs", "docs", `doc sentence of the rule ${describeRule(h)}: "${h.doc.join(" / ")}"`));
      continue;
    }
    const old = partner(h, removed);
    if (old) removed.splice(removed.indexOf(old), 1);
    const tight = !impliedByBase(h, base);
    const impact = tight ? "breaking" : "compatible";
    const kind = old ? (tight ? "rule-tightened" : "rule-loosened") : "rule-added";
    const was = old ? ` (was ${describeRule(old)})` : "";
    const why = tight ? ": a payload that met the rules before can fail it" : ": every payload valid before meets it";
    out.push(change(kind, at, where, impact, impact, `conditional rule ${describeRule(h)}${was}${why} ("${h.doc.join(" / ")}")`));
  }
  for (const b of removed) out.push(change("rule-removed", at, { pos: b.pos, side: "base" }, "compatible", "compatible", `conditional rule ${describeRule(b)} removed ("${b.doc.join(" / ")}")`));
  return out;
}
