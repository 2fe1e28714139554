import type { Field, FieldType } from "../model/ir.ts";
import { assertNever } from "../util/assert.ts";
import { change, quoteList, type Change, type Place } from "./change.ts";

type JsonKind = "string" | "number" | "boolean" | "list" | "object" | "array";

/** The JSON value a field's type accepts; a type change across kinds rejects every value sent before. */
export function jsonKind(type: FieldType): JsonKind {
  switch (type) {
    case "string": case "date": return "string";
    case "integer": case "long": case "timestamp": case "double": case "float": return "number";
    case "boolean": return "boolean";
    case "list": return "list";
    case "object": return "object";
    case "array": return "array";
    default: return assertNever(type, "field type");
  }
}

/** The TypeScript type the types emitter gives a field's value (enum unions aside): what consumers compile against. */
export function tsType(f: Field): string {
  const kind = jsonKind(f.type);
  switch (kind) {
    case "string": return "string";
    case "number": return "number";
    case "boolean": return "boolean";
    case "list": return "string[]";
    case "object": return f.table ?? "object";
    case "array": return `${f.table ?? "object"}[]`;
    default: return assertNever(kind, "JSON kind");
  }
}

const isIntegerType = (t: FieldType): boolean => t === "integer" || t === "long" || t === "timestamp";

/** Base nested-table type name → head type name, for tables whose title changed (the table-renamed change reports them). */
export type RenamedTables = ReadonlyMap<string, string>;

function typeChange(b: Field, h: Field, at: Place, pos: Field["pos"], renamed: RenamedTables): Change[] {
  const sameTable = b.table === h.table || (b.table !== null && renamed.get(b.table) === h.table);
  if (b.type === h.type && sameTable) return [];
  const where = { pos, side: "head" as const };
  const consumer = tsType(b) === tsType(h) ? "none" : "breaking";
  const what = `type ${b.type}${b.table ? ` (${b.table})` : ""} → ${h.type}${h.table ? ` (${h.table})` : ""}`;
  if (jsonKind(b.type) !== jsonKind(h.type) || !sameTable) {
    return [change("type-changed", at, where, "breaking", "breaking", `${what}: a value sent before is rejected now`)];
  }
  // Same JSON kind: only the integer constraint matters here; ranges and formats are compared on their own.
  const producer = !isIntegerType(b.type) && isIntegerType(h.type) ? "breaking" : "compatible";
  const why = producer === "breaking" ? ": a fractional number sent before is rejected now" : consumer === "none" ? " (same TypeScript type)" : "";
  return [change("type-changed", at, where, producer, consumer, what + why)];
}

function enumChange(b: Field, h: Field, at: Place, pos: Field["pos"]): Change[] {
  const where = { pos, side: "head" as const };
  if (b.enum === null && h.enum === null) return [];
  if (b.enum === null) return [change("enum-added", at, where, "breaking", "breaking", `values restricted to ${quoteList(h.enum!)}: any other string was accepted before`)];
  if (h.enum === null) return [change("enum-removed", at, where, "compatible", "breaking", `any string accepted now (was ${quoteList(b.enum)}); the union type ${b.enumTypeName ?? ""} and its values constant are gone`)];
  const removed = b.enum.filter((v) => !h.enum!.includes(v));
  const added = h.enum.filter((v) => !b.enum!.includes(v));
  const out: Change[] = [];
  if (removed.length > 0) out.push(change("enum-values-removed", at, where, "breaking", "breaking", `enum values removed: ${quoteList(removed)}`));
  if (added.length > 0) out.push(change("enum-values-added", at, where, "compatible", "warning", `enum values added: ${quoteList(added)} (a switch over ${h.enumTypeName ?? "the union"} that was exhaustive is not any more)`));
  return out;
}

const show = (n: number | null): string => (n === null ? "unbounded" : String(n));

function rangeChange(b: Field, h: Field, at: Place, pos: Field["pos"]): Change[] {
  if (jsonKind(b.type) !== "number" || jsonKind(h.type) !== "number") return [];
  // null is unbounded; a bound moving inward rejects values that were valid.
  const minUp = h.minimum !== null && (b.minimum === null || h.minimum > b.minimum);
  const maxDown = h.maximum !== null && (b.maximum === null || h.maximum < b.maximum);
  const minDown = b.minimum !== null && (h.minimum === null || h.minimum < b.minimum);
  const maxUp = b.maximum !== null && (h.maximum === null || h.maximum > b.maximum);
  const text = `range ${show(b.minimum)} to ${show(b.maximum)} → ${show(h.minimum)} to ${show(h.maximum)}`;
  const where = { pos, side: "head" as const };
  if (minUp || maxDown) return [change("range-narrowed", at, where, "breaking", "none", `${text}: values valid before fall outside it`)];
  if (minDown || maxUp) return [change("range-widened", at, where, "compatible", "none", text)];
  return [];
}

function formatChange(b: Field, h: Field, at: Place, pos: Field["pos"]): Change[] {
  if (b.format === h.format) return [];
  const where = { pos, side: "head" as const };
  if (b.format === null) return [change("format-added", at, where, "breaking", "none", `format ${h.format} added: strings that are not one are rejected now`)];
  if (h.format === null) return [change("format-removed", at, where, "compatible", "none", `format ${b.format} removed`)];
  return [change("format-changed", at, where, "breaking", "none", `format ${b.format} → ${h.format}`)];
}

/** Compares what values a field accepts (type, enum, range, format), for producers and for the TypeScript types. */
export function compareValues(b: Field, h: Field, at: Place, renamed: RenamedTables = new Map()): Change[] {
  const typed = typeChange(b, h, at, h.pos, renamed);
  // Across JSON kinds every value sent before is rejected; enum, range and format differences add nothing.
  if (jsonKind(b.type) !== jsonKind(h.type)) return typed;
  return [...typed, ...enumChange(b, h, at, h.pos), ...rangeChange(b, h, at, h.pos), ...formatChange(b, h, at, h.pos)];
}
