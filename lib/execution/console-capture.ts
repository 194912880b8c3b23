import { AsyncLocalStorage } from 'node:async_hooks';
import { format } from 'node:util';
import vm from 'node:vm';

/** The levels the Node.js runtime writes each console method at (Text log format). */
const LEVELS = { log: 'INFO', info: 'INFO', warn: 'WARN', error: 'ERROR', debug: 'DEBUG', trace: 'TRACE' } as const;
type Method = keyof typeof LEVELS;

/** The log of one running execution: console output made in its async context lands here. */
export interface LogSink {
  readonly requestId: string;
  readonly lines: string[];
}

const current = new AsyncLocalStorage<LogSink>();
let active = 0;
let undo: (() => void) | undefined;

/** One runtime log line: `timestamp\trequestId\tLEVEL\tmessage`. */
export const logLine = (sink: LogSink, level: string, message: string): void => {
  sink.lines.push(`${new Date().toISOString()}\t${sink.requestId}\t${level}\t${message}\n`);
};

/**
 * The consoles handlers can reach: this module's (a registered handler's, or jest's sandbox) and the
 * main context's (code loaded from a zip runs there).
 */
const consoles = (): Console[] => {
  const main = vm.runInThisContext('console') as Console;
  return main === globalThis.console ? [main] : [globalThis.console, main];
};

function patch(): () => void {
  const restores: (() => void)[] = [];
  for (const target of consoles()) {
    for (const method of Object.keys(LEVELS) as Method[]) {
      const original = target[method];
      target[method] = function captured(this: Console, ...args: unknown[]) {
        const sink = current.getStore();
        if (!sink) return original.apply(this, args);
        logLine(sink, LEVELS[method], format(...args));
      } as Console[Method];
      restores.push(() => {
        target[method] = original;
      });
    }
  }
  return () => restores.forEach((restore) => restore());
}

/**
 * Runs `fn` with console output made in its async context (however deep) written to `sink` instead
 * of the terminal; the consoles are patched only while some execution runs.
 */
export async function withCapturedConsole<T>(sink: LogSink, fn: () => Promise<T>): Promise<T> {
  if (active++ === 0) undo = patch();
  try {
    return await current.run(sink, fn);
  } finally {
    if (--active === 0) {
      undo?.();
      undo = undefined;
    }
  }
}
