import { Command, CommanderError, Option } from "commander";
import { EXIT, runCheck, runGenerate, type Io } from "./output/commands.ts";
import { watchGenerate } from "./output/watch.ts";
import { REPORT_FORMATS } from "./report/findings.ts";
import { InternalError, Refused } from "./util/assert.ts";

export { EXIT };
/** For the build (generator/bin/build.js), which writes TypeScript's code cache and the precompiled templates with the bundle. */
export { writeTypeScriptCodeCache } from "./load/typescript.ts";
export { writeTemplateCache } from "./emit/templates.ts";

const FAST_COMMANDS = new Set(["generate", "check"]);

/** Parses argv, runs a command and returns the exit code (exit codes: see EXIT). Never throws. */
export async function main(argv: readonly string[], io: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s), cwd: process.cwd() }): Promise<number> {
  let code: number = EXIT.ok;
  const program = new Command("pango-codegen")
    .description("Generate types, validators, JSON Schema, OpenAPI and fixtures from the Pango CDP specs.")
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });
  const format = () => new Option("--format <format>", "report format: text, github (workflow annotations) or json").choices(REPORT_FORMATS).default("text");
  program.command("generate").description("write generated/ from specs/ (only changed files; all or nothing)")
    .option("--specs <dir>", "folder of entity specs", "specs").option("--out <dir>", "output folder", "generated").option("-q, --quiet", "print nothing on success")
    .option("-w, --watch", "regenerate on every change of a spec or template, until stopped; a broken spec keeps the last good output")
    .addOption(format())
    .action(async (opts) => { code = opts.watch ? await watchGenerate(opts, io) : runGenerate(opts, io); });
  program.command("check").description("compare generated/ with what specs/ produce; exit 1 on drift")
    .option("--specs <dir>", "folder of entity specs", "specs").option("--out <dir>", "output folder", "generated")
    .option("--base <ref>", "also exit 1 when the specs changed in a breaking way since this git revision (or folder) without a major bump of package.version")
    .addOption(format())
    .action(async (opts) => {
      code = await runCheck(opts, io);
      if (opts.base) code = Math.max(code, (await import("./diff/cli-command.ts")).checkAgainstBase(opts.base, opts.specs, io));
    });
  // generate and check start without loading the diff and documentation commands (a third of the start-up time);
  // any other argument (another command, --help, a typo) registers them all.
  if (!FAST_COMMANDS.has(argv[2] ?? "")) {
    const [{ registerDiff }, { registerDocCommands }, { registerChangelog }] = await Promise.all([import("./diff/cli-command.ts"), import("./doc/cli-commands.ts"), import("./diff/changelog-command.ts")]);
    registerDiff(program, io, (c) => { code = c; });
    registerChangelog(program, io, (c) => { code = c; });
    registerDocCommands(program, io, (c) => { code = c; });
  }
  try {
    await program.parseAsync([...argv], { from: "node" });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.specErrors;
    if (e instanceof Refused) { io.err(`error: ${e.message}\n`); return EXIT.specErrors; }
    const what = e instanceof InternalError ? e.message : e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    io.err(`internal error (a bug in pango-codegen, not in your specs): ${what}\n${e instanceof Error && e.stack ? e.stack.split("\n").slice(1, 4).join("\n") + "\n" : ""}`);
    return EXIT.internal;
  }
}
