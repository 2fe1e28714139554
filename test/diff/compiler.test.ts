import { describe, expect, test } from "vitest";
import { emit } from "../../generator/pipeline.ts";
import { diffModels } from "../../generator/diff/diff-specs.ts";
import { PackageProject, type CompilerVerdict } from "../../generator/diff/compiler-check.ts";
import { reconcile } from "../../generator/diff/reconcile.ts";
import { subject } from "../../generator/diff/report.ts";
import { baseSpecs, compileSet, field } from "./support.ts";
import { CASES, order, type Set } from "./cases.ts";

// One project (the compiler loads once); every case's head package sits beside the base.
const project = new PackageProject();
const base = compileSet(baseSpecs());
project.addPackage("base", emit(base));
let heads = 0;

/**
 * A verdict without the compiler's messages, which name the packages' folders (`/head3/types/order`), so differ
 * between two heads by construction; whether there is one still counts.
 */
function probed(v: CompilerVerdict) {
  return { ...v, exports: v.exports.map(({ message, ...e }) => ({ ...e, message: message !== null })) };
}

/**
 * The compiler's verdict and the reconciled changes ("kind subject consumer") for a head spec set. The head shares
 * its unchanged files with the base, as `diff` has it; the verdict must be the one a head of its own gets.
 */
function judged(set: Set) {
  const head = compileSet(set);
  const root = `head${heads++}`;
  project.addPackage(root, emit(head), "base");
  const verdict = project.compare("base", root);
  project.addPackage(`${root}-alone`, emit(head));
  expect(probed(verdict)).toEqual(probed(project.compare("base", `${root}-alone`)));
  const d = diffModels(base, head, { base: "base", head: "head" });
  const types = new globalThis.Set([...base.entities, ...head.entities].map((e) => e.objectType));
  const changes = reconcile(d.changes, verdict, types);
  return { verdict, table: d.changes, changes, words: changes.map((c) => `${c.kind} ${subject(c)} ${c.consumer}`) };
}

/** Kinds whose consumer effect is outside the types (import specifier, OpenAPI path): the table decides. */
const OUTSIDE = ["package-renamed", "api-path-changed"];

describe("the compiler's verdict on every table case", () => {
  test.each(CASES)("%s", (_name, edit, _want, _bump, compiler) => {
    const set = baseSpecs();
    edit(set);
    const { verdict, changes } = judged(set);
    expect(verdict.breaks ? "breaks" : "compiles").toBe(compiler);
    // The reported consumer impact agrees with the compiler: some visible change is breaking exactly when code breaks.
    const visible = changes.filter((c) => !OUTSIDE.includes(c.kind));
    expect(visible.some((c) => c.consumer === "breaking")).toBe(verdict.breaks);
  }, 30_000);
});

describe("where the rule table and the compiler disagree, the compiler wins", () => {
  test.each([
    // A union that grows: code with an exhaustive switch, or its own narrower type, fails.
    ["enum value added", (s: Set) => { field(order(s), "status").enum = ["new", "paid", "refunded"]; }, "enum-values-added status", "warning"],
    ["entity added: the object-type union grows", (s: Set) => { s.specs.push({ objectType: "refund", title: "Refund Entity", fields: [{ name: "refundId", docType: "String", type: "string", required: true }] }); }, "entity-added (entity)", "warning"],
    // The order type loses its any-of union: code that narrowed on it (customerPhone is a string when customerId is absent) fails.
    ["conditional rule removed", (s: Set) => { order(s).rules = []; }, "rule-removed (entity)", "compatible"],
    // The request's shipment entries become Shipment<Custom>: a request typed with custom fields now needs them there.
    ["custom fields allowed", (s: Set) => { s.specs.find((x) => x.objectType === "shipment")!.customFields = true; }, "custom-fields-allowed (entity)", "compatible"],
  ] as const)("%s", (_name, edit, what, tableSaid) => {
    const set = baseSpecs();
    edit(set);
    const { verdict, table, words, changes } = judged(set);
    const before = table.find((c) => `${c.kind} ${subject(c)}` === what)!;
    expect(before.consumer).toBe(tableSaid);
    expect(verdict.breaks).toBe(true);
    expect(words).toContain(`${what} breaking`);
    expect(changes.find((c) => `${c.kind} ${subject(c)}` === what)!.compiler).toMatch(/^the compiler: code written against the base fails/u);
  }, 30_000);

  test("a removed export is reported with its file, and a probe failure names the export and its probe", () => {
    const { verdict } = judged((() => { const s = baseSpecs(); delete field(order(s), "status").enum; return s; })());
    expect(verdict.exports).toContainEqual(expect.objectContaining({ name: "OrderStatus", status: "removed", file: "types/order.ts" }));
    expect(verdict.exports).toContainEqual(expect.objectContaining({ name: "Order", status: "kept", failed: ["head-to-base"] }));
  }, 30_000);

  test("an unchanged package: every export kept, no probe fails", () => {
    const { verdict } = judged(baseSpecs());
    expect(verdict.exports.length).toBeGreaterThan(10);
    expect(verdict.exports.filter((e) => e.status !== "kept" || e.failed.length > 0)).toEqual([]);
  }, 30_000);
});
