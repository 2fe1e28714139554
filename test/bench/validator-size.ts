// The size a bundler ships for one entity's validator: esbuild bundles, tree-shakes and minifies an entry that
// imports it, and the result is gzipped. Reported beside Valibot's schema of the same entity (goal: no larger).
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { build } from "esbuild";

const ROOT = process.cwd();

/** Minified + gzipped bytes of what `entry` (module source) pulls in. */
async function bundledSize(entry: string): Promise<{ min: number; gzip: number }> {
  const out = await build({
    stdin: { contents: entry, resolveDir: ROOT, loader: "ts" }, bundle: true, minify: true, format: "esm", platform: "neutral",
    write: false, treeShaking: true, logLevel: "silent", mainFields: ["module", "main"],
  });
  const code = out.outputFiles[0]!.contents;
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

const v = (p: string): string => JSON.stringify(join(ROOT, p));

/** The size table: the generated validator, its Standard Schema object, the boolean check, and Valibot's schema. */
export async function sizeReport(): Promise<string> {
  const rows: [string, string][] = [
    ["validateCustomerIdentity (generated)", `export { validateCustomerIdentity } from ${v("generated/validators/customer-identity.ts")};`],
    ["isCustomerIdentity (generated)", `export { isCustomerIdentity } from ${v("generated/validators/customer-identity.ts")};`],
    ["CustomerIdentitySchema (Standard Schema, with its JSON Schema text)", `export { CustomerIdentitySchema } from ${v("generated/standard/customer-identity.ts")};`],
    ["Valibot 1.5 schema + safeParse", `import { safeParse } from "valibot"; import { valibotIdentity } from ${v("test/bench/valibot-identity.ts")}; export const check = (x) => safeParse(valibotIdentity, x);`],
  ];
  const sizes = await Promise.all(rows.map(async ([name, entry]) => [name, await bundledSize(entry)] as const));
  const kb = (n: number): string => `${(n / 1024).toFixed(2)} kB`;
  const ours = sizes[0]![1].gzip, valibot = sizes[3]![1].gzip;
  return [
    "### bundle size of one entity's validator (customer-identity; esbuild bundle + minify + tree-shake, gzip -9)", "",
    "| what | minified | gzipped |", "|---|---:|---:|",
    ...sizes.map(([n, s]) => `| ${n} | ${kb(s.min)} | ${kb(s.gzip)} |`), "",
    `validateCustomerIdentity / Valibot (gzipped): ${(ours / valibot).toFixed(2)} (goal: at most 1.00)`, "",
  ].join("\n");
}
