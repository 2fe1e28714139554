import { readFileSync, readdirSync } from "node:fs";
import { readSpec } from "../../generator/check/read-spec.ts";
import { viewOfSpec, type SpecView } from "../../generator/doc/spec-view.ts";

// Frozen copies: the tests never read the live saved pages (pages/) or the real specs (specs/), so that a doc
// change touches only pages/ and specs/, never test/.
export const CUSTOMER_PAGE = new URL("./frozen/pages/customer.txt", import.meta.url);
/** The six Customer specs as they were transcribed from the frozen customer.txt. */
export const SPECS_DIR = new URL("./frozen/specs/", import.meta.url);
/** Schema path of the frozen specs' first line. */
export const FROZEN_SCHEMA = "../../../../generator/spec/spec.schema.json";
export const PAGES_DIR = new URL("../specs/pages/", import.meta.url);
export const LAYOUTS_DIR = new URL("./frozen/pages/", import.meta.url);

export function customerPage(): string {
  return readFileSync(CUSTOMER_PAGE, "utf8");
}

/** The frozen Customer specs (entities only), by object type. */
export function handSpecs(): Map<string, { text: string; view: SpecView }> {
  return handSpecsIn(SPECS_DIR);
}

/** The entity specs of a folder, by object type. */
export function handSpecsIn(dir: URL): Map<string, { text: string; view: SpecView }> {
  const out = new Map<string, { text: string; view: SpecView }>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".yaml") && n !== "api.yaml").sort()) {
    const text = readFileSync(new URL(name, dir), "utf8");
    const { spec, diagnostics } = readSpec(`specs/${name}`, text);
    if (!spec || diagnostics.length > 0) throw new Error(`hand spec ${name} does not read cleanly: ${JSON.stringify(diagnostics)}`);
    out.set(spec.objectType.value, { text, view: viewOfSpec(spec) });
  }
  return out;
}

/** Replaces the first occurrence of `from` after the line that contains `anchor`; fails loudly when absent. */
export function mutate(page: string, anchor: string, from: string, to: string): string {
  const start = page.indexOf(anchor);
  if (start < 0) throw new Error(`anchor not in page: ${anchor}`);
  const at = page.indexOf(from, start);
  if (at < 0) throw new Error(`text not in page after ${anchor}: ${from}`);
  return page.slice(0, at) + to + page.slice(at + from.length);
}
