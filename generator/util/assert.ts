/** A generator bug, as opposed to a user's mistake (which is a Diagnostic). */
export class InternalError extends Error {
  override name = "InternalError";
}

export function assertNever(x: never, what = "value"): never {
  throw new InternalError(`unexpected ${what}: ${JSON.stringify(x)}`);
}

export function invariant(cond: unknown, message: string): asserts cond {
  if (!cond) throw new InternalError(message);
}

/** A request the generator will not carry out (a missing folder, an output it may not replace): exit 2, no stack trace. */
export class Refused extends Error {
  override name = "Refused";
}
