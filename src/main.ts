import { buildProgram, rewriteKindHelp } from './cli/program.js';
import { io } from './cli/io.js';

io.env = process.env;
const argv = rewriteKindHelp(process.argv);
buildProgram({ argv })
  .then((program) => program.parseAsync(argv))
  .catch((err: unknown) => {
    process.stderr.write(`firebreak: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
