// The bench's peer for start-up: the CLI as the bin ran it before it was compiled, TypeScript through tsx's
// loader at every start. Usage: node test/bench/tsx-start.mjs <command> [options]
import { register } from "tsx/esm/api";

register();
const { main } = await import("../../generator/cli.ts");
process.exitCode = await main(process.argv);
