/** The error `run` throws synchronously; fails the test when it throws nothing. */
export function errorOf(run: () => unknown): { code: string; message: string; details: Record<string, unknown> } {
  try {
    run();
  } catch (error) {
    return error as never;
  }
  throw new Error('expected an error');
}
