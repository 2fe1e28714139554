#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader, so the generator needs no build step.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../cli.ts");
process.exitCode = await main(process.argv);
