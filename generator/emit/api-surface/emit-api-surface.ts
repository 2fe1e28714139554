import type { Model } from "../../model/ir.ts";
import { bannerLines, type OutputFile } from "../output-file.ts";
import { EMITTERS } from "../registry.ts";
import { emitPackage } from "../package/emit-package.ts";
import { sourcesOf, surfaceOf, type SurfaceEntry } from "./surface.ts";

/** The file name of the surface report in the generated package. */
export const API_FILE = "API.md";

/**
 * The package's TypeScript sources, as the other emitters make them. An emitter never reads another's
 * output: this one runs them again (pure and fast) on the same model.
 */
export function packageSources(model: Model): Map<string, string> {
  const others = EMITTERS.filter((e) => e.name !== "api-surface");
  return sourcesOf([...others.flatMap((e) => e.emit(model)), ...emitPackage(model, others)]);
}

/** The entry points of package.json's exports that hold TypeScript, as [subpath, file]. */
export function entryPoints(model: Model): [string, string][] {
  return [
    [".", "index.ts"],
    ["./fixtures", "fixtures/index.ts"],
    ...model.entities.map((e): [string, string] => [`./entities/${e.objectType}`, `entities/${e.objectType}.ts`]),
  ];
}

function fence(entry: SurfaceEntry): string[] {
  return [`### \`${entry.name}\``, "", `${entry.kind}, declared in \`${entry.file}\``, "", "```ts", entry.declaration, "```", ""];
}

/** generated/API.md: every exported name of every entry point with its kind and declaration, like api-extractor's report. */
export function emitApiSurface(model: Model): OutputFile[] {
  const sources = packageSources(model);
  const pkg = model.package.name;
  const lines = [
    `<!-- ${bannerLines("specs/").join(" ")} -->`,
    `# API surface of \`${pkg}\``, "",
    "Every name the package's entry points export, with its kind and its declaration (comments and bodies left out).",
    "A pull request that changes the surface changes this file; `pango-codegen diff` reports added, removed and changed exports.", "",
  ];
  const main = surfaceOf(sources, "index.ts");
  const declared = new Map(main.map((e) => [e.name, e]));
  for (const [subpath, file] of entryPoints(model)) {
    const names = file === "index.ts" ? main : surfaceOf(sources, file);
    lines.push(`## \`${subpath === "." ? pkg : `${pkg}/${subpath.slice(2)}`}\``, "");
    for (const e of names) {
      // Deep entity imports re-export names of the main entry: listed by name, declared once above.
      const same = file !== "index.ts" && declared.get(e.name)?.declaration === e.declaration;
      lines.push(...(same ? [`- \`${e.name}\` (${e.kind}, as in the main entry)`] : fence(e)));
    }
    if (names.some((e) => file !== "index.ts" && declared.get(e.name)?.declaration === e.declaration)) lines.push("");
  }
  return [{ path: API_FILE, contents: lines.join("\n").replace(/\n+$/u, "\n") }];
}
