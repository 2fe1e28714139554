import { spawn } from "node:child_process";
import { existsSync, watch, type FSWatcher } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { EXIT, type Io, type OutputOptions } from "./commands.ts";

const BIN = fileURLToPath(new URL("../bin/pango-codegen.js", import.meta.url));
const TEMPLATES = fileURLToPath(new URL("../../templates/", import.meta.url));

/** Runs one `generate` in a child process (fresh template cache, and a crash cannot end the watch); resolves to its exit code. */
function generateOnce(opts: OutputOptions, io: Io): Promise<number> {
  const args = [BIN, "generate", "--specs", opts.specs, "--out", opts.out, "--format", opts.format ?? "text", ...(opts.quiet ? ["--quiet"] : [])];
  return new Promise((done) => {
    const child = spawn(process.execPath, args, { cwd: io.cwd, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.on("data", (b: Buffer) => io.out(b.toString("utf8")));
    child.stderr.on("data", (b: Buffer) => io.err(b.toString("utf8")));
    child.on("close", (code) => done(code ?? EXIT.internal));
  });
}

/** An abort signal raised by Ctrl-C or SIGTERM, for the CLI. */
function processStop(): AbortSignal {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  return controller.signal;
}

/**
 * `generate --watch`: generates, then again after every change to a spec or a template, one run at a
 * time (changes during a run start one more run after it). A run with spec errors writes nothing, so the
 * output keeps the last good state. Returns when `stop` is aborted.
 */
export async function watchGenerate(opts: OutputOptions, io: Io, stop: AbortSignal = processStop()): Promise<number> {
  let running: Promise<void> | null = null, pending = false, timer: NodeJS.Timeout | null = null;
  const cycle = async (): Promise<void> => {
    do {
      pending = false;
      const code = await generateOnce(opts, io);
      if (code === EXIT.specErrors) io.err(`pango-codegen watch: ${opts.out} keeps its last good output; fix the spec and save\n`);
      else if (code !== EXIT.ok) io.err(`pango-codegen watch: generate exited with ${code}\n`);
    } while (pending && !stop.aborted);
    running = null;
  };
  const trigger = (): void => {
    if (stop.aborted) return;
    if (running) { pending = true; return; }
    running = cycle();
  };
  // Editors save in bursts (write, rename, chmod): one run per burst.
  const onChange = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(trigger, 80);
  };
  const watchers: FSWatcher[] = [];
  for (const dir of [resolve(io.cwd, opts.specs), TEMPLATES]) if (existsSync(dir)) watchers.push(watch(dir, { recursive: dir === TEMPLATES }, onChange));
  io.out(`pango-codegen watch: watching ${opts.specs} and templates/ (Ctrl-C to stop)\n`);
  trigger();
  await new Promise<void>((done) => (stop.aborted ? done() : stop.addEventListener("abort", () => done(), { once: true })));
  for (const w of watchers) w.close();
  if (timer) clearTimeout(timer);
  await running;
  return EXIT.ok;
}
