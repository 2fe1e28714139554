import { describe, expect, test } from "vitest";
import { impliedByBase } from "../../generator/diff/compare-rules.ts";
import type { AnyOfRule, Field, Table } from "../../generator/model/ir.ts";

const pos = { file: "specs/t.yaml", line: 1, col: 1 };
const rule = (...groups: string[][]): AnyOfRule => ({ kind: "any-of", pos, groups, doc: ["d"] });
const table = (required: string[], rules: AnyOfRule[]): Table => ({
  kind: "table", pos, title: "T", typeName: "T", validateName: "validateT", isName: "isT", customFields: false, incomplete: null, acceptsUnknownKeys: false, notes: [], errata: [], rules,
  fields: ["a", "b", "c", "d"].map((name) => ({ name, required: required.includes(name) }) as Field),
});

describe("whether the base's rules imply a head rule", () => {
  test.each<[string, Table, AnyOfRule, boolean]>([
    ["the same rule", table([], [rule(["a"], ["b"])]), rule(["b"], ["a"]), true],
    ["a rule with one more group", table([], [rule(["a"], ["b"])]), rule(["a"], ["b"], ["c"]), true],
    ["a rule with one group fewer", table([], [rule(["a"], ["b"])]), rule(["a"], ["c"]), false],
    ["a group that asks for one more field", table([], [rule(["a"], ["b"])]), rule(["a", "c"], ["b"]), false],
    ["a new rule over free fields", table([], []), rule(["c"], ["d"]), false],
    ["a group of a field the base requires", table(["c"], []), rule(["c"], ["d"]), true],
    // Neither base rule alone implies it, both together do: without a, both b and c are present.
    ["a rule implied by two base rules together", table([], [rule(["a"], ["b"]), rule(["a"], ["c"])]), rule(["a"], ["b", "c"]), true],
    ["a rule implied by a base rule and a required field", table(["b"], [rule(["a", "b"], ["c"])]), rule(["a"], ["c"]), true],
  ])("%s", (_name, base, head, want) => {
    expect(impliedByBase(head, base)).toBe(want);
  });
});
