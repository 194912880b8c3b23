import { CreateAliasCommand, DeleteAliasCommand, GetAliasCommand, ListAliasesCommand, UpdateAliasCommand } from '@aws-sdk/client-lambda';
import { arnOf } from '../../helpers/fixtures';
import {
  attempt,
  Base,
  expectEqual,
  expectOutcome,
  isStale,
  notFound,
  q,
  readRevision,
  revisionFor,
  sawRevision,
  STALE_REVISION,
  type Model,
  type Real,
  type RevisionChoice,
} from '../reference-model';

// The reference model's commands on aliases: a name for `$LATEST` or a published version, with its
// own RevisionId; a version an alias runs cannot be deleted (function-commands.ts), and deleting an
// alias deletes its policy.

/** Alias names, with names that attack objects among them (the alias pattern allows both). */
export const ALIASES = ['live', '__proto__'] as const;

/** The versions an alias is pointed at: `$LATEST`, published ones, and one that never is. */
export const ALIAS_VERSIONS = ['1', '$LATEST', '2', '9'] as const;

export class CreateAlias extends Base {
  constructor(readonly name: string, readonly alias: string, readonly version: string) {
    super();
  }
  async apply(model: Model, { client }: Real) {
    model.beforeCommand();
    const fn = model.functions.get(this.name);
    const out = await attempt(client.send(new CreateAliasCommand({ FunctionName: this.name, Name: this.alias, FunctionVersion: this.version })));
    // The version is looked up first, and named in the 404 even when the function is missing.
    if (!fn || (this.version !== '$LATEST' && !fn.versions.some((v) => v.number === this.version))) {
      return void expectOutcome(out, notFound(this.name, this.version), String(this));
    }
    if (fn.aliases.has(this.alias)) {
      return void expectOutcome(out, { name: 'ResourceConflictException', message: `Alias already exists: ${arnOf(this.name, this.alias)}` }, String(this));
    }
    const answer = expectOutcome(out, undefined, String(this))!;
    expectEqual([answer.AliasArn, answer.Name, answer.FunctionVersion, answer.Description], [arnOf(this.name, this.alias), this.alias, this.version, '']);
    const alias = { version: this.version, revision: answer.RevisionId, seenRevisions: new Set<string>() };
    sawRevision(alias, answer.RevisionId, true);
    fn.aliases.set(this.alias, alias);
  }
  toString() {
    return `CreateAlias(${q(this.name)}, ${q(this.alias)} → ${this.version})`;
  }
}

export class UpdateAlias extends Base {
  constructor(readonly name: string, readonly alias: string, readonly version: string | undefined, readonly revision: RevisionChoice) {
    super();
  }
  async apply(model: Model, { client }: Real) {
    model.beforeCommand();
    const fn = model.functions.get(this.name);
    const current = fn?.aliases.get(this.alias);
    const RevisionId = revisionFor(current, this.revision);
    const out = await attempt(client.send(new UpdateAliasCommand({ FunctionName: this.name, Name: this.alias, FunctionVersion: this.version, RevisionId })));
    if (!fn) return void expectOutcome(out, notFound(this.name), String(this));
    if (!current) return void expectOutcome(out, { name: 'ResourceNotFoundException', message: `Alias not found: ${arnOf(this.name, this.alias)}` }, String(this));
    if (isStale(current, RevisionId)) return void expectOutcome(out, { name: 'PreconditionFailedException', message: STALE_REVISION }, String(this));
    const version = this.version ?? current.version;
    if (version !== '$LATEST' && !fn.versions.some((v) => v.number === version)) return void expectOutcome(out, notFound(this.name, version), String(this));
    const answer = expectOutcome(out, undefined, String(this))!;
    expectEqual([answer.Name, answer.FunctionVersion], [this.alias, version]);
    // Every update, even one that changes nothing, gives the alias a new RevisionId.
    sawRevision(current, answer.RevisionId, true);
    Object.assign(current, { version, revision: answer.RevisionId });
  }
  toString() {
    return `UpdateAlias(${q(this.name)}, ${q(this.alias)}${this.version === undefined ? '' : ` → ${this.version}`}, revision ${this.revision})`;
  }
}

export class DeleteAlias extends Base {
  constructor(readonly name: string, readonly alias: string) {
    super();
  }
  async apply(model: Model, { client }: Real) {
    model.beforeCommand();
    const fn = model.functions.get(this.name);
    const out = await attempt(client.send(new DeleteAliasCommand({ FunctionName: this.name, Name: this.alias })));
    // DeleteAlias declares no 404: deleting what is not there succeeds.
    expectOutcome(out, undefined, String(this));
    fn?.aliases.delete(this.alias);
    fn?.policies.delete(this.alias);
  }
  toString() {
    return `DeleteAlias(${q(this.name)}, ${q(this.alias)})`;
  }
}

export class GetAlias extends Base {
  constructor(readonly name: string, readonly alias: string) {
    super();
  }
  async apply(model: Model, { client }: Real) {
    model.beforeCommand();
    const fn = model.functions.get(this.name);
    const out = await attempt(client.send(new GetAliasCommand({ FunctionName: this.name, Name: this.alias })));
    if (!fn) return void expectOutcome(out, notFound(this.name), String(this));
    const alias = fn.aliases.get(this.alias);
    if (!alias) return void expectOutcome(out, { name: 'ResourceNotFoundException', message: `Cannot find alias arn: ${arnOf(this.name, this.alias)}` }, String(this));
    const answer = expectOutcome(out, undefined, String(this))!;
    expectEqual([answer.AliasArn, answer.FunctionVersion], [arnOf(this.name, this.alias), alias.version]);
    readRevision(alias, answer.RevisionId);
  }
  toString() {
    return `GetAlias(${q(this.name)}, ${q(this.alias)})`;
  }
}

export class ListAliases extends Base {
  constructor(readonly name: string, readonly version: string | undefined) {
    super();
  }
  async apply(model: Model, { client }: Real) {
    model.beforeCommand();
    const fn = model.functions.get(this.name);
    const out = await attempt(client.send(new ListAliasesCommand({ FunctionName: this.name, FunctionVersion: this.version })));
    if (!fn) return void expectOutcome(out, notFound(this.name), String(this));
    const answer = expectOutcome(out, undefined, String(this))!;
    const expected = [...fn.aliases].filter(([, a]) => this.version === undefined || a.version === this.version).map(([alias, a]) => [alias, a.version]);
    expectEqual(answer.Aliases?.map((a) => [a.Name, a.FunctionVersion]), expected.sort(([a], [b]) => (a! < b! ? -1 : 1)));
  }
  toString() {
    return `ListAliases(${q(this.name)}${this.version === undefined ? '' : `, FunctionVersion ${this.version}`})`;
  }
}
