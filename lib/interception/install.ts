import type { LambdaClient } from '@aws-sdk/client-lambda';
import type { LambdaBackend } from '../backend/lambda-backend';
import { loadedLambdaSdks, watchLambdaSdkLoads, type LambdaSdk } from './lambda-sdk';
import { getLambdaMockPlugin, lambdaMockMiddlewareOptions } from './middleware';
import { guardNetwork } from './network-guard';

type Send = (this: LambdaClient, ...args: unknown[]) => unknown;
/** Drops the resolved stacks a client caches with `cacheMiddleware: true`, so a change to its stack is seen. */
const forgetResolvedStacks = (client: LambdaClient): void => {
  delete (client as unknown as { handlers?: unknown }).handlers;
};

/**
 * Puts the lambda-mock middleware on Lambda clients: on one client, or on every client of every
 * loaded copy of the SDK, existing or future, through a `send` on each `LambdaClient.prototype`
 * that adds the middleware to the client's stack before its first command.
 */
export class Interception {
  private readonly attached = new Set<LambdaClient>();
  private readonly undo: (() => void)[] = [];
  private readonly sdks: LambdaSdk[] = [];

  constructor(private readonly backend: LambdaBackend) {}

  /** Intercepts one client only. */
  installOn(client: LambdaClient): void {
    const sdk = loadedLambdaSdks().find((s) => client instanceof s.LambdaClient) ?? loadedLambdaSdks()[0]!;
    this.attach(client, sdk);
  }

  /** Intercepts every Lambda client, existing and future, of every copy of the SDK. */
  installEverywhere(): void {
    for (const sdk of loadedLambdaSdks()) this.patch(sdk);
    this.undo.push(watchLambdaSdkLoads((sdk) => this.patch(sdk)));
    this.undo.push(guardNetwork());
  }

  /** Takes the middleware off every client and puts `send` back: clients reach the network again. */
  restore(): void {
    for (const client of this.attached) {
      client.middlewareStack.remove(lambdaMockMiddlewareOptions.name);
      forgetResolvedStacks(client);
    }
    this.attached.clear();
    while (this.undo.length > 0) this.undo.pop()!();
    this.sdks.length = 0;
  }

  private patch(sdk: LambdaSdk): void {
    if (this.sdks.includes(sdk)) return;
    this.sdks.push(sdk);
    const proto = sdk.LambdaClient.prototype as unknown as { send: Send };
    const own = Object.getOwnPropertyDescriptor(proto, 'send');
    const original = (own?.value ?? (Object.getPrototypeOf(proto) as { send: Send }).send) as Send;
    const attach = (client: LambdaClient): void => this.attach(client, sdk);
    proto.send = function send(this: LambdaClient, ...args: unknown[]) {
      attach(this);
      return original.apply(this, args);
    };
    this.undo.push(() => {
      if (own) Object.defineProperty(proto, 'send', own);
      else delete (proto as { send?: Send }).send;
    });
  }

  private attach(client: LambdaClient, sdk: LambdaSdk): void {
    if (this.attached.has(client)) return;
    client.middlewareStack.use(getLambdaMockPlugin({ backend: this.backend, sdk, region: () => client.config.region(), retry: client.config }));
    forgetResolvedStacks(client);
    this.attached.add(client);
  }
}
