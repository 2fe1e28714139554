import { describe, expect, test } from "vitest";
import { readFileSync } from "node:fs";
import { diffAfter, field, spec, type SpecDoc } from "./support.ts";
import { subject } from "../../generator/diff/report.ts";
import { CHANGE_KINDS } from "../../generator/diff/change.ts";
import { CASES, dropField, order, shipment } from "./cases.ts";

describe("classification of each kind of change", () => {
  test.each(CASES)("%s", (_name, edit, want, bump) => {
    const d = diffAfter(edit);
    const got = d.changes.map((c) => `${c.kind} ${subject(c)} ${c.producer}/${c.consumer}`);
    expect([...got].sort()).toEqual([...want].sort());
    expect(d.bump).toBe(bump);
  });
});

test("the cases cover every kind of change", () => {
  const covered = new Set(CASES.flatMap(([, , want]) => want.map((w) => w.split(" ")[0])));
  expect(CHANGE_KINDS.filter((k) => !covered.has(k))).toEqual([]);
  expect([...covered].filter((k) => !(CHANGE_KINDS as readonly string[]).includes(k!))).toEqual([]);
});

test("the README's table documents every kind of change", () => {
  const readme = readFileSync("generator/diff/README.md", "utf8");
  expect(CHANGE_KINDS.filter((k) => !readme.includes(`\`${k}\``))).toEqual([]);
});

describe("where a change points", () => {
  test("a changed field points at its line in the head, a removed one at its line in the base", () => {
    const d = diffAfter((s) => {
      field(order(s), "status").enum = ["paid"];
      dropField(shipment(s), "carrier");
    });
    const removed = d.changes.find((c) => c.kind === "field-removed")!;
    const narrowed = d.changes.find((c) => c.kind === "enum-values-removed")!;
    expect(removed).toMatchObject({ entity: "shipment", field: "carrier", side: "base", pos: { file: "specs/shipment.yaml" } });
    expect(narrowed).toMatchObject({ entity: "order", field: "status", side: "head", pos: { file: "specs/order.yaml" } });
    // Field entries are the 2nd (carrier) and 4th (status) items under `fields:`; their lines differ, and both are real lines.
    expect(removed.pos.line).toBeGreaterThan(1);
    expect(narrowed.pos.line).toBeGreaterThan(removed.pos.line);
  });

  test("messages name the values involved", () => {
    const d = diffAfter((s) => { Object.assign(field(order(s), "rating"), { maximum: 4, example: "4" }); field(order(s), "status").enum = ["paid"]; });
    expect(d.changes.find((c) => c.kind === "range-narrowed")!.message).toContain("1 to 5 → 1 to 4");
    expect(d.changes.find((c) => c.kind === "enum-values-removed")!.message).toContain('"new"');
  });
});
