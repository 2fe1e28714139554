/** Copies every tracked file of the repository at `root` into `<new temp folder>/repo`; returns that path. */
export function copyTracked(root: string, prefix: string): string;
/** Runs a command in `cwd`; returns the exit code and, when captured, stdout and stderr. */
export function sh(cwd: string, cmd: string, args: readonly string[], options?: { capture?: boolean }): { code: number; out: string };
/** `npm ci` from the lock file, offline. */
export function installOffline(dir: string): void;
