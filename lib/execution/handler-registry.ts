import type { HandlerSource } from './handler-types';

/** The handlers `lambda.setHandler` registered, by function name and optional qualifier. */
export class HandlerRegistry {
  private readonly byFunction = new Map<string, Map<string | undefined, HandlerSource>>();

  set(functionName: string, source: HandlerSource, qualifier: string | undefined): void {
    if (typeof functionName !== 'string' || functionName === '') throw new TypeError('lambda-mock: setHandler takes a function name');
    if (source !== 'code' && typeof source !== 'function') {
      throw new TypeError("lambda-mock: setHandler takes a handler function, or 'code' to run the function's own zip");
    }
    if (qualifier !== undefined && (typeof qualifier !== 'string' || qualifier === '')) {
      throw new TypeError('lambda-mock: a qualifier is a version or alias name');
    }
    let entries = this.byFunction.get(functionName);
    if (!entries) this.byFunction.set(functionName, (entries = new Map()));
    entries.set(qualifier, source);
  }

  /**
   * The handler for an invoke: one registered for the qualifier the request named or the version it
   * runs, else one registered for the whole function.
   */
  find(functionName: string, qualifier: string | undefined, executedVersion: string): HandlerSource | undefined {
    const entries = this.byFunction.get(functionName);
    if (!entries) return undefined;
    return (qualifier !== undefined ? entries.get(qualifier) : undefined) ?? entries.get(executedVersion) ?? entries.get(undefined);
  }

  clear(): void {
    this.byFunction.clear();
  }
}
