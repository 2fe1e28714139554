// Validation speed: the generated validators against Ajv (compiled from the generated JSON Schema, with
// allErrors true, the same job, and false) and Zod 4 (an equivalent schema written here), in one process,
// medians of several timed runs after warm-up. Reports operations per second and ratios; asserts nothing.
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { z } from "zod";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { execFileSync } from "node:child_process";
import { build } from "esbuild";
import { sizeReport } from "./validator-size.ts";
import { ITEMS, makeOrders, zodOrder } from "./order-payloads.ts";
import { median } from "./stats.ts";
import { seededRng } from "../../generator/emit/fixtures/random.ts";
import { INCOMPLETE_KEYWORD } from "../../generator/emit/json-schema/emit-json-schema.ts";

type Validators = typeof import("../../generated/validators/index.ts");
/** The validators as consumers run them: compiled JavaScript (an esbuild ESM bundle), not TypeScript through tsx. */
let V: Validators;

/** Bundles generated/validators/index.ts into a temporary .mjs (ESM, not minified) and imports it. */
async function loadCompiled(): Promise<Validators> {
  const dir = mkdtempSync(join(tmpdir(), "pango-bench-"));
  try {
    const outfile = join(dir, "validators.mjs");
    await build({ entryPoints: ["generated/validators/index.ts"], bundle: true, format: "esm", platform: "node", outfile, logLevel: "error" });
    return (await import(pathToFileURL(outfile).href)) as Validators;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const PAYLOADS = 10_000;
const ENVELOPES = 1_000;
const ENTRIES = 50;
const CYCLES = 3;
const RUNS = 10;

/** The fixtures' seeded generator, so every run measures the same payloads. */
function rng(seed: number): () => number {
  const r = seededRng(`bench/${seed}`);
  return () => r.next();
}

const FIRST = ["Minh", "Lan", "Huong", "Tuan", "Dee", "Mai", "Quang"];
const LAST = ["Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu"];
const CITIES = ["Ho Chi Minh", "Ha Noi", "Da Nang", "Can Tho"];

/** A realistic valid customer-identity record. */
function validIdentity(r: () => number, i: number): Record<string, unknown> {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const first = pick(FIRST), last = pick(LAST);
  const rec: Record<string, unknown> = {
    timezoneGmt: 7, systemName: "CRM", customerId: `C${120901341 + i}`, customerGroup: pick(["VIP", "Regular"]),
    phone: `0359${String(Math.floor(r() * 1e6)).padStart(6, "0")}`, email: `${first.toLowerCase()}.${last.toLowerCase()}${i}@gmail.com`,
    gender: pick(["male", "female", "undefined"]), dob: 582310800000 + Math.floor(r() * 1e9), dob2: `19${10 + Math.floor(r() * 89)}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`,
    yob: 1950 + Math.floor(r() * 60), maritalStatus: pick(["Single", "Married", "Divorced"]), country: "Viet Nam", city: pick(CITIES),
    district: "Tan Phu", address: `${1 + Math.floor(r() * 400)} Hoa Binh`, nickNames: [first, `${first} ${last}`], sourceChannel: pick(["Online", "Offline"]),
    createdAt: 1584507164000 + i, recordStatus: "Active", customField01: "gold", customFieldLong03: i,
  };
  if (r() < 0.5) rec.fullName = `${last} ${first}`;
  else Object.assign(rec, { firstName: first, lastName: last });
  return rec;
}

/** A record with several problems: a wrong enum case, a bound passed, an impossible date, a bad e-mail, a blank id. */
function invalidIdentity(r: () => number, i: number): Record<string, unknown> {
  const rec = validIdentity(r, i);
  const breaks = [
    () => { rec.gender = "Male"; }, () => { rec.timezoneGmt = 20; }, () => { rec.dob2 = "2001-02-29"; }, () => { rec.email = "user@gmail"; },
    () => { rec.customerId = " "; }, () => { delete rec.phone; delete rec.email; }, () => { rec.yob = "1988"; }, () => { rec.nickNames = ["a", 5]; },
  ];
  for (let k = 0; k < 3; k++) breaks[Math.floor(r() * breaks.length)]!();
  return rec;
}

// Zod 4, the same rules as SEMANTICS.md; the e-mail expression is ajv-formats' (full), so the verdicts match.
const EMAIL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;
function isDate(s: string): boolean {
  const m = /^(\d\d\d\d)-(\d\d)-(\d\d)$/.exec(s);
  if (!m) return false;
  const y = +m[1]!, mo = +m[2]!, d = +m[3]!;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= (mo === 2 && leap ? 29 : [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo]!);
}
const present = (v: unknown): boolean => typeof v === "string" && /\S/u.test(v);
const str = z.string().nullish();
const int32 = z.number().int().min(-2147483648).max(2147483647).nullish();
const timestamp = z.number().int().min(-8.64e15).max(8.64e15).nullish();
const oneOf = <T extends [string, ...string[]]>(...v: T) => z.enum(v).nullish();
const zodIdentity = z.looseObject({
  timezoneGmt: z.number().int().min(-12).max(14).nullish(), systemName: str, internalCompanyId: str, customerId: z.string().regex(/\S/u),
  customerGroup: str, identityNo: str, passportNo: str, phone: str, email: z.string().regex(EMAIL).nullish(), fullName: str, firstName: str, lastName: str,
  middleName: str, nickNames: z.array(z.string()).nullish(), gender: oneOf("male", "female", "undefined"), dob: timestamp,
  dob2: z.string().refine(isDate).nullish(), yob: int32, maritalStatus: oneOf("Single", "Married", "Divorced"), religious: str, country: str, state: str,
  city: str, district: str, ward: str, address: str, building: str, buildingBlock: str, apartmentCode: str, zipCode: str, language: str, status: str,
  sourceChannel: oneOf("Online", "Offline"), sourceName: str, sourceNameLevel2: str, storeId: str, storeCity: str, storeDistrict: str, photos: str,
  createdAt: timestamp, createdBy: str, updatedAt: timestamp, updatedBy: str, recordStatus: oneOf("Active", "Deleted"),
}).refine((o) => present(o.phone) || present(o.email), { message: "phone or email" })
  .refine((o) => present(o.fullName) || (present(o.firstName) && present(o.lastName)), { message: "fullName, or firstName and lastName" });
const zodEnvelope = z.strictObject({
  objectType: z.literal("customer-identity"), source: z.string().regex(/\S/u), jeConfigId: str, jeEventKey: str,
  entries: z.array(zodIdentity).min(1).max(50), ignoredUpdateCfs: z.array(z.string()).nullish(),
});

function ajvOf(allErrors: boolean, file: string): (x: unknown) => boolean {
  const ajv = new Ajv2020.default({ allErrors, strict: true });
  addFormats.default(ajv);
  ajv.addKeyword(INCOMPLETE_KEYWORD); // the generated schemas' annotation of a table the saved page cuts short
  return ajv.compile(JSON.parse(readFileSync(`generated/json-schema/${file}.schema.json`, "utf8")) as object) as (x: unknown) => boolean;
}

type Candidate = readonly [name: string, ok: (x: unknown) => boolean];


/** What one measurement gives: median operations per second of each candidate. */
type Measured = Map<string, number>;

/** The shortest timed run worth a median: a scavenge or a timer tick is a small share of it, not most of it. */
const MIN_RUN_MS = 25;

/**
 * Times each candidate in blocks of back-to-back runs over the same data: an untimed run first (it absorbs the
 * garbage the previous candidate left), then timed runs. The blocks cycle several times, so a busy moment of the
 * shared machine does not land on one candidate only; the figure is the median of all of a candidate's timed runs.
 * A timed run passes over the data as many times as it takes the candidate to fill `MIN_RUN_MS` (found in the
 * untimed run): 200 invalid orders take about half a millisecond, too short a window to compare anything in.
 */
function measure(candidates: readonly Candidate[], data: readonly unknown[], cycles: number, runs: number): Measured {
  // One loop function per candidate, so no candidate's call site is made polymorphic by another's.
  const loops = candidates.map(() => new Function("ok", "data", "passes", "let valid = 0;\nfor (let p = 0; p < passes; p++) for (let i = 0; i < data.length; i++) if (ok(data[i])) valid++;\nreturn valid;") as (ok: (x: unknown) => boolean, data: readonly unknown[], passes: number) => number);
  const times = candidates.map((): number[] => []);
  const passes = candidates.map(() => 1);
  for (let cycle = 0; cycle < cycles; cycle++) {
    candidates.forEach(([, ok], k) => {
      for (let run = 0; run <= runs; run++) {
        const start = performance.now();
        const valid = loops[k]!(ok, data, passes[k]!);
        const ms = performance.now() - start;
        if (valid < 0) throw new Error("unreachable: keeps the loop's result alive");
        if (run > 0) times[k]!.push(ms / passes[k]!);
        else if (cycle === 0) passes[k] = Math.max(1, Math.ceil(MIN_RUN_MS / Math.max(ms, 0.01)));
      }
    });
  }
  return new Map(candidates.map(([n], k) => [n, (data.length * 1000) / median(times[k]!)]));
}

/** Counts payloads on which two candidates disagree, so the comparison is known to be like for like. */
function disagreements(a: (x: unknown) => boolean, b: (x: unknown) => boolean, data: readonly unknown[]): number {
  return data.filter((x) => a(x) !== b(x)).length;
}

/** Every ratio a table printed, keyed `<table title> | <a> / <b>`: what a child process hands back. */
type Ratios = Record<string, number>;

function ratiosOf(title: string, ops: Measured, rows: readonly [string, string][], into: Ratios): void {
  for (const [a, b] of rows) into[`${title} | ${a} / ${b}`] = ops.get(a)! / ops.get(b)!;
}

function table(title: string, ops: Measured, rows: readonly [string, string][]): string[] {
  const fmt = (n: number): string => Math.round(n).toLocaleString("en-US");
  const out = [`### ${title}`, "", "| candidate | ops/s |", "|---|---:|", ...[...ops].map(([n, v]) => `| ${n} | ${fmt(v)} |`), "", "| ratio | × |", "|---|---:|"];
  for (const [a, b] of rows) out.push(`| ${a} / ${b} | ${(ops.get(a)! / ops.get(b)!).toFixed(2)} |`);
  return [...out, ""];
}

/** As the payload arrives from the wire: JSON-parsed (so a removed key is absent, not deleted from a live object). */
function wire<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The benchmark's customer-identity payloads: every tenth has several problems. */
export function makePayloads(r = rng(20260)): Record<string, unknown>[] {
  return Array.from({ length: PAYLOADS }, (_, i) => wire(i % 10 === 9 ? invalidIdentity(r, i) : validIdentity(r, i)));
}

/**
 * The issue cap: a request of 50 entries with 1,150 unknown keys each (0.9 MB, 57,500 problems) validated with the
 * default cap and with none, against a request with as many problems as the cap: what the cap saves, and what it costs.
 */
function capReport(): string[] {
  const unknown = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, k) => [`extraField${k}`, k]));
  const entry = { customerId: "C1", email: "a@b.vn", emailType: "Personal" };
  const big = wire({ objectType: "customer-identity-email", source: "CRM", entries: Array.from({ length: 50 }, () => ({ ...entry, ...unknown(1150) })) });
  const small = wire({ objectType: "customer-identity-email", source: "CRM", entries: [{ ...entry, ...unknown(100) }] });
  const time = (f: () => unknown, n: number): number => {
    for (let k = 0; k < 2; k++) f();
    const ms: number[] = [];
    for (let k = 0; k < n; k++) { const t = performance.now(); f(); ms.push(performance.now() - t); }
    return median(ms);
  };
  const capped = time(() => V.validateIngestionRequest(big), 15), uncapped = time(() => V.validateIngestionRequest(big, { maxIssues: Infinity }), 5);
  const wide = wire({ ...entry, ...unknown(5000) });
  const atCap = time(() => V.validateIngestionRequest(small), 15), emailOnly = time(() => V.validateCustomerIdentityEmail(wide), 15);
  const count = (r: ReturnType<Validators["validateIngestionRequest"]>): number => (r.ok ? 0 : r.issues.length);
  return [
    `### issue cap (a ${(JSON.stringify(big).length / 1e6).toFixed(2)} MB request: 50 entries x 1,150 unknown keys; medians)`, "",
    "| case | issues | ms |", "|---|---:|---:|",
    `| default cap (${count(V.validateIngestionRequest(big))} issues, truncated) | ${count(V.validateIngestionRequest(big))} | ${capped.toFixed(2)} |`,
    `| no cap (maxIssues: Infinity) | ${count(V.validateIngestionRequest(big, { maxIssues: Infinity }))} | ${uncapped.toFixed(2)} |`,
    `| a request with 100 unknown keys (the cap's worth) | ${count(V.validateIngestionRequest(small))} | ${atCap.toFixed(2)} |`,
    `| one entity with 5,000 unknown keys | 100 | ${emailOnly.toFixed(2)} |`, "",
    `capped / the cap's worth: ${(capped / atCap).toFixed(2)}; no cap / capped: ${(uncapped / capped).toFixed(2)}`, "",
  ];
}

/** The speed tables of one process (ops/s and ratios), and their ratios. */
async function measureValidation(): Promise<{ lines: string[]; ratios: Ratios }> {
  V = await loadCompiled();
  const r = rng(20260);
  const payloads = makePayloads(r);
  const valid = payloads.filter((_, i) => i % 10 !== 9), invalid = payloads.filter((_, i) => i % 10 === 9);
  const envelopes = Array.from({ length: ENVELOPES }, (_, i) => wire({
    objectType: "customer-identity", source: "CRM", jeEventKey: "signup",
    entries: Array.from({ length: ENTRIES }, (_, j) => (i % 10 === 9 && j === 25 ? invalidIdentity(r, j) : validIdentity(r, i * ENTRIES + j))),
  }));
  const ajvAll = ajvOf(true, "customer-identity"), ajvFirst = ajvOf(false, "customer-identity");
  const ajvEnvAll = ajvOf(true, "ingestion-request"), ajvEnvFirst = ajvOf(false, "ingestion-request");
  const ours = (x: unknown): boolean => V.validateCustomerIdentity(x).ok;
  const zod = (x: unknown): boolean => zodIdentity.safeParse(x).success;
  const oursEnv = (x: unknown): boolean => V.validateIngestionRequest(x).ok;
  const zodEnv = (x: unknown): boolean => zodEnvelope.safeParse(x).success;
  // The Standard Schema path, as a consumer library calls it (success is "no issues").
  const standard = (x: unknown): boolean => (V.CustomerIdentitySchema["~standard"].validate(x) as { issues?: unknown }).issues === undefined;
  const identity: Candidate[] = [["validate", ours], ["is", V.isCustomerIdentity], ["Standard Schema", standard], ["Ajv allErrors", ajvAll], ["Ajv first error", ajvFirst], ["Zod 4", zod]];
  const envelope: Candidate[] = [["validate", oursEnv], ["is", V.isIngestionRequest], ["Ajv allErrors", ajvEnvAll], ["Ajv first error", ajvEnvFirst], ["Zod 4", zodEnv]];
  const ratios: [string, string][] = [["validate", "Ajv allErrors"], ["validate", "Ajv first error"], ["validate", "Zod 4"], ["is", "Ajv allErrors"], ["is", "Ajv first error"], ["is", "Zod 4"], ["Standard Schema", "validate"]];
  const envelopeRatios = ratios.filter(([a, b]) => a !== "Standard Schema" && b !== "Standard Schema");
  const orders = makeOrders();
  const validOrders = orders.filter((_, i) => i % 10 !== 9), invalidOrders = orders.filter((_, i) => i % 10 === 9);
  const ajvOrderAll = ajvOf(true, "order"), ajvOrderFirst = ajvOf(false, "order");
  const oursOrder = (x: unknown): boolean => V.validateOrder(x).ok;
  const zodOrderOk = (x: unknown): boolean => zodOrder.safeParse(x).success;
  const standardOrder = (x: unknown): boolean => (V.OrderSchema["~standard"].validate(x) as { issues?: unknown }).issues === undefined;
  const order: Candidate[] = [["validate", oursOrder], ["is", V.isOrder], ["Standard Schema", standardOrder], ["Ajv allErrors", ajvOrderAll], ["Ajv first error", ajvOrderFirst], ["Zod 4", zodOrderOk]];
  const checks = [
    `agreement (orders): ${order.slice(1).map(([n, ok]) => `${n} ${disagreements(oursOrder, ok, orders)}`).join(", ")} disagreements; ${validOrders.filter(oursOrder).length} valid, ${invalidOrders.filter((x) => !oursOrder(x)).length} invalid`,
    `agreement (payloads): Ajv ${disagreements(ours, ajvAll, payloads)} disagreements, Zod ${disagreements(ours, zod, payloads)}; ${valid.length} valid, ${invalid.filter((x) => !ours(x)).length} invalid`,
    `agreement (envelopes): Ajv ${disagreements(oursEnv, ajvEnvAll, envelopes)} disagreements, Zod ${disagreements(oursEnv, zodEnv, envelopes)}`,
  ];
  // Every candidate first sees every payload, valid and invalid, as in a long-running service: a call site that has
  // only met valid payloads would flatter whichever candidate was warmed on the narrower diet.
  for (let k = 0; k < 5; k++) for (const [, ok] of identity) for (const p of payloads) ok(p);
  for (let k = 0; k < 2; k++) for (const [, ok] of envelope) for (const p of envelopes) ok(p);
  for (let k = 0; k < 3; k++) for (const [, ok] of order) for (const p of orders) ok(p);
  const sets: [string, readonly unknown[], Candidate[]][] = [
    [`customer-identity, ${valid.length.toLocaleString("en-US")} valid payloads`, valid, identity],
    [`customer-identity, ${invalid.length.toLocaleString("en-US")} invalid payloads (several problems each)`, invalid, identity],
    [`customer-identity, all ${PAYLOADS.toLocaleString("en-US")} payloads (90% valid)`, payloads, identity],
    [`order, ${validOrders.length.toLocaleString("en-US")} valid orders of ${ITEMS} items`, validOrders, order],
    [`order, ${invalidOrders.length.toLocaleString("en-US")} invalid orders of ${ITEMS} items (three problems each, in the order or its items)`, invalidOrders, order],
  ];
  const found: Ratios = {};
  const tables = (title: string, ops: Measured, rows: readonly [string, string][]): string[] => {
    ratiosOf(title, ops, rows, found);
    return table(title, ops, rows);
  };
  const lines = [
    `## validation (node ${process.version}; one process, after warm-up on every payload; medians of ${CYCLES} x ${RUNS} timed runs per candidate)`, "", ...checks.map((c) => `- ${c}`), "",
    ...sets.flatMap(([title, data, cands]) => tables(title, measure(cands, data, CYCLES, RUNS), ratios)),
    ...tables(`ingestion request, ${ENVELOPES.toLocaleString("en-US")} envelopes of ${ENTRIES} entries (90% valid)`, measure(envelope, envelopes, CYCLES, 4), envelopeRatios),
  ];
  return { lines, ratios: found };
}

/**
 * The ratios the issues set goals for, as `[table title start, ratio, goal]`: ≥ goal, or ≤ for a size. A process's
 * JIT and heap layout move some of them (the orders' most) by more than a process's own medians show, so they are
 * read across several processes.
 */
const GOALS: readonly (readonly [string, string, number])[] = [
  ["customer-identity, 1,000 invalid", "validate / Ajv allErrors", 2],
  ["order, 1,800 valid", "validate / Ajv allErrors", 2],
  ["order, 200 invalid", "validate / Ajv allErrors", 1.5],
  ["customer-identity, 9,000 valid", "Standard Schema / validate", 0.9],
  ["customer-identity, 1,000 invalid", "Standard Schema / validate", 0.9],
  ["order, 1,800 valid", "Standard Schema / validate", 0.9],
  ["order, 200 invalid", "Standard Schema / validate", 0.9],
];

/** How many processes measure the goal ratios: this one and `BENCH_PROCESSES - 1` children, one after the other. */
const PROCESSES = Math.max(1, Number(process.env.BENCH_PROCESSES ?? 3));

/** Runs the speed tables in a fresh process (this file with `--ratios`) and returns its ratios. */
function childRatios(): Ratios {
  const out = execFileSync(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "--ratios"], { encoding: "utf8", maxBuffer: 1 << 24 });
  return JSON.parse(out.trim().split("\n").pop()!) as Ratios;
}

/** The goal ratios over every process: median, min–max, and whether the median meets the goal. */
function goalsReport(runs: readonly Ratios[]): string[] {
  const rows = GOALS.map(([start, ratio, goal]) => {
    const key = Object.keys(runs[0]!).find((k) => k.startsWith(start) && k.endsWith(`| ${ratio}`));
    if (key === undefined) throw new Error(`bench: no table starts with "${start}" and has the ratio ${ratio}`);
    const xs = runs.map((r) => r[key]!);
    const m = median(xs);
    return `| ${key.split(" | ")[0]} | ${ratio} | ${m.toFixed(2)} (${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}) | ≥ ${goal} | ${m >= goal ? "met" : "not met"} |`;
  });
  return [
    `### goals, across ${runs.length} processes (BENCH_PROCESSES; this one and ${runs.length - 1} more, one after the other): median (min–max)`, "",
    "| workload | ratio | across processes | goal | median |", "|---|---|---:|---:|---|", ...rows, "",
  ];
}

/** Runs the validation benchmark and returns a printable report. */
export async function runValidateBench(): Promise<string> {
  const own = await measureValidation();
  const runs = [own.ratios];
  for (let k = 1; k < PROCESSES; k++) runs.push(childRatios());
  return [...own.lines, ...goalsReport(runs), ...capReport(), await sizeReport()].join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv.includes("--ratios")) {
  console.log(JSON.stringify((await measureValidation()).ratios));
}
