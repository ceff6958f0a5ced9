/**
 * Where the command line writes and what it reads from its surroundings:
 * output streams, the environment and the clock. main.ts fills it from the
 * process; tests hand in their own so a command runs at any hour they choose.
 */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: Record<string, string | undefined>;
  /** Set by --verbose: say which database was opened. */
  verbose: boolean;
  /** Which database the running command opened, for not-found messages. */
  openedDatabase: string | undefined;
  /** All of standard input (a password piped in with --password-stdin). */
  readStdin(): Promise<string>;
}

export const io: CliIo = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  env: {},
  verbose: false,
  openedDatabase: undefined,
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
};
