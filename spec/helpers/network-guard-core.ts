import dgram from 'node:dgram';
import dns from 'node:dns';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/**
 * The test run's network guard (installed by spec/helpers/no-network.ts): every TCP socket a test
 * opens is counted, and one aimed at anything but a server this process itself listens on, on
 * loopback, is refused before any packet leaves and fails the run. DNS look-ups of other names and
 * UDP datagrams to other addresses are refused the same way.
 *
 * Jest gives each spec file its own module registry but the same `node:net`: the state lives on
 * that module (one per worker process), so the patch is installed once and counts per file.
 */
export interface NetworkGuard {
  /** The spec file the next sockets are counted for. */
  beginFile(file: string): void;
  /** Ends the current file's count, appends it to the run's log, and answers what it saw. */
  endFile(): FileNetworkReport;
  /**
   * Runs `action` expecting the guard to refuse what it opens (the guard's own specs): refusals
   * inside are counted as expected, not as violations.
   */
  expectingRefusals<T>(action: () => Promise<T>): Promise<{ result: T; refused: string[] }>;
  /** Whether a connection to `target` would be let through now. */
  allows(target: SocketTarget): boolean;
}

/** Where a socket is aimed: a host and port, or a local path (a Unix socket or named pipe). */
export interface SocketTarget {
  readonly host?: string;
  readonly port?: number;
  readonly path?: string;
}

/** What one spec file opened. */
export interface FileNetworkReport {
  readonly file: string;
  /** Every TCP socket opened (to the file's own servers, or refused). */
  readonly sockets: number;
  /** Of those, to a server the process listens on, on loopback. */
  readonly ownServerSockets: number;
  /** Everything refused that the file did not expect to be refused (a violation each). */
  readonly violations: readonly string[];
}

const STATE = Symbol.for('lambda-mock.spec.network-guard');

/** Where the run's reporter (spec/helpers/network-reporter.js) collects every worker's counts. */
const logDirectory = (): string | undefined => process.env.LAMBDA_MOCK_NETWORK_LOG;

const appendLog = (entry: object): void => {
  const dir = logDirectory();
  if (dir) fs.appendFileSync(path.join(dir, `${process.pid}.jsonl`), `${JSON.stringify(entry)}\n`);
};

const LOOPBACK_NAMES = new Set(['localhost', '::1', '0:0:0:0:0:0:0:1', '[::1]']);

/** 127.0.0.0/8, ::1, `localhost` (a host left out means `localhost` to `net`). */
export const isLoopback = (host: string | undefined): boolean =>
  host === undefined || host === '' || LOOPBACK_NAMES.has(host.toLowerCase()) || /^(::ffff:)?127\.\d+\.\d+\.\d+$/i.test(host);

/** The target of `socket.connect(...)`, in any of its call forms (including `net`'s own normalized `[options, cb]`). */
function targetOf(args: readonly unknown[]): SocketTarget {
  let first = args[0];
  if (Array.isArray(first)) first = first[0];
  if (first !== null && typeof first === 'object') {
    const options = first as { host?: unknown; port?: unknown; path?: unknown };
    if (typeof options.path === 'string') return { path: options.path };
    return { host: typeof options.host === 'string' ? options.host : undefined, port: Number(options.port) };
  }
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    return { port: Number(first), host: typeof args[1] === 'string' ? args[1] : undefined };
  }
  return typeof first === 'string' ? { path: first } : {};
}

const describeTarget = (t: SocketTarget): string => (t.path !== undefined ? `path ${t.path}` : `${t.host ?? 'localhost'}:${t.port}`);

interface GuardState extends NetworkGuard {
  readonly installed: true;
}

/** The guard of this process, installed on first use. */
export function networkGuard(): NetworkGuard {
  const holder = net as unknown as { [STATE]?: GuardState };
  return (holder[STATE] ??= install());
}

function install(): GuardState {
  /**
   * Ports and paths this process's own servers listen on, or listened on: a request a test left
   * running (an SDK retry) may reach its server just after the server closed, on loopback still.
   */
  const ownServers = new Set<number | string>();
  let file = '(outside any spec file)';
  let sockets = 0;
  let ownServerSockets = 0;
  let violations: string[] = [];
  /** While set, refusals are expected (the guard's own specs) and collected here instead. */
  let expected: string[] | undefined;

  const allows = (target: SocketTarget): boolean => {
    if (target.path !== undefined) return ownServers.has(target.path);
    return isLoopback(target.host) && target.port !== undefined && ownServers.has(target.port);
  };

  const refuse = (what: string): Error => {
    const error = Object.assign(new Error(`spec/helpers/no-network: refused ${what}: a test may only reach a server it started on loopback`), {
      code: 'ECONNREFUSED',
    });
    if (expected) {
      expected.push(what);
    } else {
      violations.push(`${what}\n${(new Error().stack ?? '').split('\n').slice(3, 9).join('\n')}`);
      appendLog({ file, refused: what });
    }
    return error;
  };

  // Servers: remember what each listens on while it listens.
  const listen = net.Server.prototype.listen;
  net.Server.prototype.listen = function guardedListen(this: net.Server, ...args: unknown[]) {
    this.once('listening', () => {
      const address = this.address();
      const key = typeof address === 'string' ? address : address?.port;
      if (key === undefined) return;
      ownServers.add(key);
    });
    return (listen as (...a: unknown[]) => net.Server).apply(this, args);
  } as typeof listen;

  // TCP (and TLS, whose sockets connect through here): count, and refuse anything else.
  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
    const target = targetOf(args);
    sockets++;
    if (allows(target)) {
      ownServerSockets++;
      return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
    }
    const error = refuse(`a socket to ${describeTarget(target)}`);
    process.nextTick(() => this.destroy(error));
    return this;
  } as typeof connect;

  // DNS: a look-up of any name but localhost's would ask a resolver over the network.
  const lookup = dns.lookup;
  const guardedLookup = function (this: unknown, hostname: string, ...rest: unknown[]) {
    if (isLoopback(hostname)) return (lookup as (...a: unknown[]) => void).apply(this, [hostname, ...rest]);
    const callback = rest[rest.length - 1];
    const error = refuse(`a DNS look-up of ${hostname}`);
    if (typeof callback === 'function') process.nextTick(() => (callback as (e: Error) => void)(error));
    return undefined;
  };
  (dns as { lookup: unknown }).lookup = guardedLookup;
  const lookupPromise = dns.promises.lookup;
  (dns.promises as { lookup: unknown }).lookup = (hostname: string, ...rest: unknown[]) =>
    isLoopback(hostname) ? (lookupPromise as (...a: unknown[]) => unknown)(hostname, ...rest) : Promise.reject(refuse(`a DNS look-up of ${hostname}`));

  // UDP: a datagram to anything but loopback.
  for (const method of ['send', 'connect'] as const) {
    const original = dgram.Socket.prototype[method] as (...a: unknown[]) => unknown;
    (dgram.Socket.prototype as unknown as Record<string, unknown>)[method] = function guardedDatagram(this: dgram.Socket, ...args: unknown[]) {
      // send(msg, [offset, length,] port, address, cb) / connect(port, address, cb): the address follows the port.
      const portIndex = method === 'connect' ? 0 : args.findIndex((a, i) => i > 0 && typeof a === 'number' && typeof args[i + 1] === 'string');
      const address = portIndex >= 0 && typeof args[portIndex + 1] === 'string' ? (args[portIndex + 1] as string) : undefined;
      if (method === 'send' && portIndex < 0) return original.apply(this, args); // a connected socket: checked at connect
      if (!isLoopback(address)) throw refuse(`a UDP ${method} to ${address}`);
      return original.apply(this, args);
    };
  }

  return {
    installed: true,
    allows,
    beginFile(next: string) {
      file = next;
      sockets = 0;
      ownServerSockets = 0;
      violations = [];
    },
    endFile() {
      const report: FileNetworkReport = { file, sockets, ownServerSockets, violations };
      appendLog({ file, sockets, ownServerSockets });
      violations = [];
      return report;
    },
    async expectingRefusals<T>(action: () => Promise<T>) {
      const outer = expected;
      const refused: string[] = [];
      expected = refused;
      try {
        return { result: await action(), refused };
      } finally {
        expected = outer;
      }
    },
  };
}
