/**
 * A failure the command reports as one line on stderr (no stack trace), with its exit status:
 * 2 for a usage error (as argparse does), 1 for anything that happens at run time.
 */
export class ClientError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
    this.name = 'ClientError';
  }
}
