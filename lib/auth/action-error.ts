// Its own module so that scripts and benchmarks can throw it without loading next-auth.
/** Thrown by handlers for a refusal the user should read (conflict, state that forbids it…). */
export class ActionError extends Error {
  constructor(
    message: string,
    public readonly fieldErrors?: Record<string, string[]>,
    public readonly params?: Record<string, string | number>,
  ) {
    super(message);
  }
}
