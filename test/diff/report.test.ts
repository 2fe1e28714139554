import { describe, expect, test } from "vitest";
import { diffAfter, field, spec } from "./support.ts";
import { formatJson, formatReport } from "../../generator/diff/report.ts";
import { bumpSuffices, impliedBump, versionBump, type Bump } from "../../generator/diff/semver.ts";
import { failsGate, type FailOn } from "../../generator/diff/cli-command.ts";
import type { SpecDiff } from "../../generator/diff/diff-specs.ts";

const mixed = (): SpecDiff => diffAfter((s) => {
  field(spec(s, "order"), "status").enum = ["paid", "refunded"];
  field(spec(s, "order"), "note").description = "A free note";
  spec(s, "shipment").fields.push({ name: "eta", docType: "Timestamp", type: "timestamp" });
  s.api.package = { name: "pango-cdp-schemas", version: "1.1.0" };
});

describe("the human-readable report", () => {
  test("groups by entity, worst first, naming the spec line, the field and both audiences", () => {
    const text = formatReport(mixed());
    const lines = text.split("\n");
    expect(lines[0]).toBe("pango-codegen diff: base → head");
    const order = lines.indexOf("order"), shipment = lines.indexOf("shipment");
    expect(order).toBeGreaterThan(0);
    expect(shipment).toBeGreaterThan(order);
    const orderBlock = lines.slice(order + 1, shipment).filter((l) => l.startsWith("  ") && !l.startsWith("    "));
    expect(orderBlock.map((l) => l.trim().split(/\s+/u)[0])).toEqual(["BREAKING", "WARNING", "docs"]);
    expect(orderBlock[0]).toMatch(/^ {2}BREAKING {2}specs\/order\.yaml:\d+:\d+ {2}status {2}enum-values-removed \[PD020\] \(producers: breaking, consumers: breaking\)$/u);
    expect(text).toContain('enum values removed: "new"');
    expect(text).toContain("4 changes: 1 breaking for producers, 1 breaking for consumers, 1 warning, 1 compatible, 1 documentation only");
    expect(text).toContain("implied bump: major; package.version 1.0.0 → 1.1.0 is only a minor bump: make it at least a major bump");
  });

  test("says so when nothing changed", () => {
    expect(formatReport(diffAfter(() => {}))).toBe("pango-codegen diff: base → head\nno changes\nimplied bump: none; package.version 1.0.0 → 1.0.0 is enough\n");
  });

  test("JSON carries every change with its classification, position and the bump", () => {
    const json = JSON.parse(formatJson(mixed()));
    expect(json).toMatchObject({ base: { label: "base", version: "1.0.0" }, head: { label: "head", version: "1.1.0" }, bump: "major", versionBump: "minor", versionSuffices: false });
    expect(json.summary).toEqual({ total: 4, producerBreaking: 1, consumerBreaking: 1, warnings: 1, compatible: 1, docsOnly: 1 });
    expect(json.changes.map((c: { kind: string }) => c.kind)).toEqual(["enum-values-removed", "enum-values-added", "description-changed", "field-added"]);
    expect(json.changes[3]).toMatchObject({ entity: "shipment", table: null, field: "eta", producer: "compatible", consumer: "compatible", file: "specs/shipment.yaml", side: "head" });
    expect(typeof json.changes[3].line).toBe("number");
  });

  test("is deterministic", () => {
    expect(formatJson(mixed())).toBe(formatJson(mixed()));
    expect(formatReport(mixed())).toBe(formatReport(mixed()));
  });
});

describe("semver", () => {
  test.each<[string, string, Bump | null]>([
    ["1.0.0", "2.0.0", "major"], ["1.4.2", "2.0.0", "major"], ["1.0.0", "1.1.0", "minor"], ["1.0.0", "1.0.1", "patch"],
    ["1.0.0", "1.0.0", "none"], ["2.0.0", "1.9.9", null], ["1.2.0", "1.1.5", null], ["1.0.0", "1.0.0-rc.1", "none"], ["1.0", "2.0.0", null],
  ])("%s → %s is a %s bump", (base, head, want) => {
    expect(versionBump(base, head)).toBe(want);
  });

  test.each<[Bump | null, Bump, boolean]>([
    ["major", "major", true], ["minor", "major", false], ["major", "patch", true], ["patch", "minor", false], ["none", "none", true], ["none", "patch", false], [null, "none", false],
  ])("a %s bump suffices for %s: %s", (actual, needed, want) => {
    expect(bumpSuffices(actual, needed)).toBe(want);
  });

  test("the implied bump is the largest any change calls for", () => {
    expect(impliedBump(mixed().changes)).toBe("major");
    expect(impliedBump(diffAfter((s) => { field(spec(s, "order"), "note").example = "x"; }).changes)).toBe("patch");
    expect(impliedBump([])).toBe("none");
  });
});

describe("--fail-on", () => {
  const docsOnly = () => diffAfter((s) => { field(spec(s, "order"), "note").example = "x"; });
  const warningOnly = () => diffAfter((s) => { field(spec(s, "order"), "status").enum = ["new", "paid", "refunded"]; });
  test.each<[string, () => SpecDiff, FailOn, boolean]>([
    ["breaking change", mixed, "breaking", true], ["breaking change", mixed, "any", true], ["breaking change", mixed, "none", false],
    ["warning only", warningOnly, "breaking", false], ["warning only", warningOnly, "any", true],
    ["docs only", docsOnly, "breaking", false], ["docs only", docsOnly, "any", true],
    ["nothing", () => diffAfter(() => {}), "any", false],
  ])("%s with --fail-on %s fails: %s", (_name, d, failOn, want) => {
    expect(failsGate(d(), failOn)).toBe(want);
  });
});
