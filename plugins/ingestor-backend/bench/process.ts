/**
 * Child processes of the benchmark: each measurement runs in a fresh Node process (its own CPU time,
 * peak RSS and heap), talking to the parent over IPC.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { compileMeasurement } from './compile';

/** Starts a TypeScript file (through tsx) or a compiled JavaScript file in a new Node process with an IPC channel. */
export function startChild(file: string, args: string[], opts: { execArgv?: string[] } = {}): ChildProcess {
  const loader = file.endsWith('.ts') ? ['--import', 'tsx'] : [];
  return fork(file, args, { execArgv: [...loader, ...(opts.execArgv ?? [])], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

/** The first IPC message of a child; rejects if it exits first. */
export function firstMessage<T>(child: ChildProcess, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`${what} exited (${code}) before reporting`));
    child.once('exit', onExit);
    child.once('message', message => {
      child.off('exit', onExit);
      resolve(message as T);
    });
  });
}

/** How to run a measurement: `compiledInto` a directory (see compile.ts) or under tsx; killed after `timeoutMs`. */
export interface MeasureOptions {
  compiledInto?: string;
  timeoutMs?: number;
}

/** Runs a measurement to completion: its one report, then its exit. */
export async function measure<T>(file: string, args: string[], what: string, opts: MeasureOptions = {}): Promise<T> {
  const { compiledInto, timeoutMs = 40 * 60_000 } = opts;
  const run = compiledInto ? await compileMeasurement(file, compiledInto) : file;
  const child = startChild(run, args, { execArgv: ['--expose-gc'] });
  const timer = setTimeout(() => child.kill(), timeoutMs);
  try {
    const result = await firstMessage<T>(child, what);
    await new Promise(resolve => (child.exitCode !== null ? resolve(undefined) : child.once('exit', resolve)));
    return result;
  } finally {
    clearTimeout(timer);
  }
}

/** Called by a measurement process: sends its report and exits once it is delivered (printed when run alone). */
export function report(result: unknown): void {
  if (process.send) process.send(result, () => process.exit(0));
  else process.stdout.write(`${JSON.stringify(result, null, 2)}\n`, () => process.exit(0));
}

/** Runs a measurement's main, reporting a failure on stderr with a non-zero exit. */
export function runMain(main: () => Promise<void>): void {
  main().catch(err => {
    process.stderr.write(`${(err as Error).stack}\n`);
    process.exit(1);
  });
}
