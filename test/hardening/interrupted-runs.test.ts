import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ChildProcess } from "node:child_process";
import { recover, sidePaths } from "../../generator/output/write-output.ts";
import { frozenGenerator, hashTree, runBin, startBin, tempDir } from "./support.ts";

// Old and new: two different spec folders (different entities, so a swap adds, changes and removes files).
let root: string, bin: string, oldHash: string, newHash: string, specsOld: string, specsNew: string;
const work = () => join(root, "work");
const out = () => join(work(), "generated");

beforeAll(async () => {
  root = tempDir("interrupted");
  bin = frozenGenerator(root);
  specsOld = join(root, "specs-old");
  specsNew = join(root, "specs-new");
  cpSync("test/specs/valid", specsOld, { recursive: true });
  cpSync("specs", specsNew, { recursive: true });
  for (const [specs, ref] of [[specsOld, "ref-old"], [specsNew, "ref-new"]] as const) {
    // Child processes of one frozen copy of the generator throughout, so every run uses the same code.
    const r = runBin(["generate", "--quiet", "--specs", specs, "--out", join(root, ref)], undefined, {}, bin);
    expect(r.code, r.err).toBe(0);
  }
  oldHash = hashTree(join(root, "ref-old"));
  newHash = hashTree(join(root, "ref-new"));
  expect(oldHash).not.toBe(newHash);
}, 60_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A work folder holding a complete old output and nothing else. */
function prepareOld(): void {
  rmSync(work(), { recursive: true, force: true });
  cpSync(join(root, "ref-old"), out(), { recursive: true });
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; err: string }> {
  let err = "";
  child.stderr!.on("data", (d) => { err += String(d); });
  return new Promise((done) => child.on("exit", (code, signal) => done({ code, signal, err })));
}

async function until(predicate: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error("the run never reached the point to kill it at");
    await new Promise((r) => setTimeout(r, 2));
  }
}

function countFiles(dir: string): number {
  try { return readdirSync(dir, { recursive: true }).length; } catch { return 0; }
}

/** After any interruption: entirely old or entirely new, or (between the renames) absent with a complete old backup. */
function expectOldOrNew(): "old" | "new" | "absent" {
  const { backup } = sidePaths(out());
  const now = hashTree(out());
  if (now === "absent") {
    expect(hashTree(backup)).toBe(oldHash);
    recover(out());
    expect(hashTree(out())).toBe(oldHash);
    return "absent";
  }
  expect([oldHash, newHash]).toContain(now);
  return now === oldHash ? "old" : "new";
}

/** The next run finishes the job: exactly the new output, no side files left beside it. */
async function expectNextRunCompletes(): Promise<void> {
  const r = runBin(["generate", "--quiet", "--specs", specsNew, "--out", out()], undefined, {}, bin);
  expect(r.code, r.err).toBe(0);
  expect(hashTree(out())).toBe(newHash);
  expect(readdirSync(work())).toEqual(["generated"]);
}

const SLOW = { PANGO_CODEGEN_TEST_SLOW_WRITE_MS: "40" };
const generateNew = () => startBin(["generate", "--quiet", "--specs", specsNew, "--out", out()], undefined, SLOW, bin);

describe("a run killed (SIGKILL) mid-write leaves the output entirely old or entirely new", () => {
  const staging = () => sidePaths(out()).staging, backup = () => sidePaths(out()).backup;
  const points: [string, () => boolean, "old" | "new" | "absent"][] = [
    ["with the first file staged", () => countFiles(staging()) >= 1, "old"],
    ["with half the files staged", () => countFiles(staging()) >= 12, "old"],
    ["between the two renames", () => existsSync(backup()) && !existsSync(out()), "absent"],
    ["after the swap, before the old tree is removed", () => existsSync(backup()) && existsSync(out()) && !existsSync(staging()), "new"],
  ];

  it.each(points)("%s", async (_label, point, want) => {
    prepareOld();
    const child = generateNew();
    const done = exited(child);
    await until(point);
    child.kill("SIGKILL");
    expect((await done).signal).toBe("SIGKILL");
    // The dead run's lock is left behind: the next run must see its holder is gone and break it.
    expect(existsSync(sidePaths(out()).lock)).toBe(true);
    expect(expectOldOrNew()).toBe(want);
    await expectNextRunCompletes();
  }, 60_000);

  it("killed after the swap, before dist/ is moved back: the next run moves it back, so no build output is lost", async () => {
    prepareOld();
    mkdirSync(join(out(), "dist"));
    writeFileSync(join(out(), "dist/index.js"), "built\n");
    const child = generateNew();
    const done = exited(child);
    await until(points[3]![1]);
    child.kill("SIGKILL");
    await done;
    expect(existsSync(join(out(), "dist"))).toBe(false);
    expect(readFileSync(join(backup(), "dist/index.js"), "utf8")).toBe("built\n");
    expect(runBin(["generate", "--quiet", "--specs", specsNew, "--out", out()], undefined, {}, bin).code).toBe(0);
    expect(readFileSync(join(out(), "dist/index.js"), "utf8")).toBe("built\n");
    rmSync(join(out(), "dist"), { recursive: true });
    expect(hashTree(out())).toBe(newHash);
    expect(readdirSync(work())).toEqual(["generated"]);
  }, 60_000);

  it.each([150, 400, 700, 1000, 1300, 1600])("after %i ms (wherever that falls)", async (ms) => {
    prepareOld();
    const child = generateNew();
    const done = exited(child);
    await new Promise((r) => setTimeout(r, ms));
    child.kill("SIGKILL");
    await done;
    expectOldOrNew();
    await expectNextRunCompletes();
  }, 60_000);
});

describe("concurrent generate runs", () => {
  it("two runs of the same specs at once leave exactly one complete run", async () => {
    prepareOld();
    const runs = [generateNew(), generateNew()].map(exited);
    for (const r of await Promise.all(runs)) expect(r.code, r.err).toBe(0);
    expect(hashTree(out())).toBe(newHash);
    expect(readdirSync(work())).toEqual(["generated"]);
  }, 60_000);

  it("a second run started while the first is mid-write waits for it, then finishes (without the lock it swaps in a partial tree)", async () => {
    prepareOld();
    const first = exited(generateNew());
    await until(() => countFiles(sidePaths(out()).staging) >= 3);
    const second = exited(generateNew());
    for (const r of await Promise.all([first, second])) expect(r.code, r.err).toBe(0);
    expect(hashTree(out())).toBe(newHash);
    expect(readdirSync(work())).toEqual(["generated"]);
  }, 60_000);

  it("three runs of different specs at once leave one complete run of one of them", async () => {
    rmSync(work(), { recursive: true, force: true });
    const runs = [specsOld, specsNew, specsOld].map((s) => exited(startBin(["generate", "--quiet", "--specs", s, "--out", out()], undefined, SLOW, bin)));
    for (const r of await Promise.all(runs)) expect(r.code, r.err).toBe(0);
    expect([oldHash, newHash]).toContain(hashTree(out()));
    expect(readdirSync(work())).toEqual(["generated"]);
  }, 60_000);
});
