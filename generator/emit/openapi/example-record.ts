import type { Entity, Field, JsonValue, Table } from "../../model/ir.ts";
import { assertNever, InternalError } from "../../util/assert.ts";

/**
 * Placeholder values for required fields the documentation gives no example for. They are
 * deliberately plain (the first enum value, the smallest in-range number) so that nobody
 * mistakes them for documented data; they only need to satisfy the field's schema.
 */
function placeholder(f: Field, tables: ReadonlyMap<string, Table>, seen: ReadonlySet<string>): JsonValue {
  if (f.enum && f.enum.length > 0) return f.enum[0]!;
  switch (f.type) {
    case "string":
      switch (f.format) {
        case "email": return "name@example.com";
        case "uri": return "https://example.com/";
        case "country-alpha2": return "VN";
        case "country-alpha3": return "VNM";
        case "date": return "2000-01-01";
        case null: return "example";
        default: return assertNever(f.format, "string format");
      }
    case "date": return "2000-01-01";
    case "integer": case "long": case "timestamp": case "double": case "float":
      return Math.min(Math.max(0, f.minimum ?? 0), f.maximum ?? 0);
    case "boolean": return false;
    case "list": return [];
    case "object": return nestedRecord(f, tables, seen);
    case "array": return [nestedRecord(f, tables, seen)];
    default: return assertNever(f.type, "field type");
  }
}

function nestedRecord(f: Field, tables: ReadonlyMap<string, Table>, seen: ReadonlySet<string>): JsonValue {
  const t = f.table === null ? undefined : tables.get(f.table);
  if (!t) throw new InternalError(`field ${f.name} refers to unknown table ${String(f.table)}`);
  // A table that requires itself (directly or not) has no finite record; the checker should have said so.
  if (seen.has(t.typeName)) throw new InternalError(`table ${t.typeName} requires itself`);
  return tableRecord(t, tables, new Set([...seen, t.typeName]));
}

/** Whether a value counts as present in a conditional rule (SEMANTICS.md, "Presence"). */
function present(v: JsonValue | undefined): boolean {
  return v !== undefined && v !== null && (typeof v !== "string" || /\S/u.test(v));
}

function tableRecord(t: Table, tables: ReadonlyMap<string, Table>, seen: ReadonlySet<string>): JsonValue {
  // A Map, not an object literal: field names are verbatim keys and may be `__proto__`.
  const values = new Map<string, JsonValue>();
  for (const f of t.fields) if (f.exampleValue !== undefined) values.set(f.name, f.exampleValue);
  const byName = new Map(t.fields.map((f) => [f.name, f]));
  const fill = (f: Field): void => {
    if (!present(values.get(f.name))) values.set(f.name, placeholder(f, tables, seen));
  };
  for (const f of t.fields) if (f.required) fill(f);
  for (const rule of t.rules) {
    if (rule.groups.some((g) => g.every((n) => present(values.get(n))))) continue;
    for (const n of rule.groups[0] ?? []) fill(byName.get(n)!);
  }
  const ordered = t.fields.filter((f) => values.has(f.name)).map((f) => [f.name, values.get(f.name)!] as const);
  return Object.fromEntries(ordered);
}

/** The documentation's example record of an entity: every field's example (after errata), required gaps filled. */
export function exampleRecord(e: Entity): JsonValue {
  return tableRecord(e, new Map(e.tables.map((t) => [t.typeName, t])), new Set([e.typeName]));
}
