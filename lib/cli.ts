import { startLambdaServer, type LambdaServerOptions } from './server/lambda-server';
import type { SettleMode } from './operations/operation-handler';

/** Where the command line writes (the process's streams; a test passes its own). */
export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
}

const USAGE = `Usage: lambda-mock serve [options]

Runs lambda-mock as a server that speaks AWS Lambda's HTTP API (any SigV4 signature is accepted).

Options:
  --port <n>               port to listen on (default 4010; 0 picks a free one)
  --host <address>         address to listen on (default 127.0.0.1)
  --region <region>        region of unsigned requests (default us-east-1)
  --account-id <id>        account everything is stored in (default 123456789012)
  --settle <mode>          instant (default), on-read or manual
  --concurrency-quota <n>  enforce an account concurrency quota
  -h, --help               show this help

Point clients at it with AWS_ENDPOINT_URL_LAMBDA=<the printed URL>. Ctrl-C stops it.`;

const DEFAULT_PORT = 4010;
const SETTLE_MODES: readonly string[] = ['instant', 'on-read', 'manual'];

class UsageError extends Error {}

function wholeNumber(flag: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag} takes a whole number, not '${value}'`);
  return Number(value);
}

/**
 * The server options `serve`'s flags give (`--port 4010` and `--port=4010` alike); throws a usage error
 * for a flag it does not know or a bad value.
 *
 * @example
 * ```ts
 * parseServeOptions(['--port=0', '--settle', 'manual']); // { port: 0, settle: 'manual' }
 * ```
 */
export function parseServeOptions(args: readonly string[]): LambdaServerOptions {
  const options: { -readonly [K in keyof LambdaServerOptions]: LambdaServerOptions[K] } = { port: DEFAULT_PORT };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      const given = eq > 0 ? arg.slice(eq + 1) : args[++i];
      if (given === undefined || given === '') throw new UsageError(`${flag} needs a value`);
      return given;
    };
    switch (flag) {
      case '--port':
      case '-p': {
        const port = wholeNumber(flag, value());
        if (port > 65535) throw new UsageError(`--port takes 0 to 65535, not ${port}`);
        options.port = port;
        break;
      }
      case '--host':
        options.host = value();
        break;
      case '--region':
        options.region = value();
        break;
      case '--account-id': {
        const accountId = value();
        if (!/^\d{12}$/.test(accountId)) throw new UsageError(`--account-id takes 12 digits, not '${accountId}'`);
        options.accountId = accountId;
        break;
      }
      case '--settle': {
        const settle = value();
        if (!SETTLE_MODES.includes(settle)) throw new UsageError(`--settle takes ${SETTLE_MODES.join(', ')}, not '${settle}'`);
        options.settle = settle as SettleMode;
        break;
      }
      case '--concurrency-quota':
        options.concurrencyQuota = wholeNumber(flag, value());
        break;
      default:
        throw new UsageError(`unknown option '${arg}'`);
    }
  }
  return options;
}

/**
 * Runs the `lambda-mock` command: `serve` starts the server, prints its URL, and stops it cleanly on
 * SIGINT or SIGTERM. Resolves with the process's exit code (0 once stopped, 1 when it cannot listen,
 * 2 for a usage error).
 *
 * @example
 * ```ts
 * process.exitCode = await runCli(['serve', '--port', '4010']);
 * ```
 */
export async function runCli(argv: readonly string[], output: CliOutput = processOutput): Promise<number> {
  const [command, ...args] = argv;
  if (command === '-h' || command === '--help' || (command === 'serve' && (args.includes('-h') || args.includes('--help')))) {
    output.out(USAGE);
    return 0;
  }
  if (command !== 'serve') {
    output.err(command === undefined ? 'lambda-mock: a command is needed' : `lambda-mock: unknown command '${command}'`);
    output.err(USAGE);
    return 2;
  }
  let options: LambdaServerOptions;
  try {
    options = parseServeOptions(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    output.err(`lambda-mock: ${error.message}`);
    output.err(USAGE);
    return 2;
  }
  let server;
  try {
    server = await startLambdaServer(options);
  } catch (error) {
    output.err(`lambda-mock: cannot listen on ${options.host ?? '127.0.0.1'}:${options.port}: ${(error as Error).message}`);
    return 1;
  }
  output.out(`lambda-mock listening on ${server.url}`);
  output.out(`export AWS_ENDPOINT_URL_LAMBDA=${server.url}`);
  const running = server;
  return new Promise<number>((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void running.close().then(() => {
        output.out(`lambda-mock stopped (${signal})`);
        resolve(0);
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

const processOutput: CliOutput = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};
