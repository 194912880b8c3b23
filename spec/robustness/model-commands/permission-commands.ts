import { AddPermissionCommand, GetPolicyCommand, RemovePermissionCommand } from '@aws-sdk/client-lambda';
import { arnOf } from '../../helpers/fixtures';
import {
  attempt,
  Base,
  expectEqual,
  expectOutcome,
  isStale,
  notFound,
  policyDocument,
  q,
  readRevision,
  revisionFor,
  STALE_REVISION,
  statementOf,
  type Expected,
  type Model,
  type ModelFunction,
  type Real,
  type Revisioned,
  type RevisionChoice,
} from '../reference-model';

// The reference model's commands on resource-based policies: the unqualified function, each version
// and each alias has its own policy, and a change to it gives that function, version or alias a new
// RevisionId (the model tracks `$LATEST`'s and the aliases').

/** Statement ids, with names that attack objects among them. */
export const STATEMENT_IDS = ['s1', 'hasOwnProperty', '__proto__'] as const;
/** A service and an account: the service writes them differently in the statement. */
export const PRINCIPALS = ['s3.amazonaws.com', '111122223333'] as const;
/** What a policy is attached to: the function, versions and aliases. */
export const POLICY_QUALIFIERS = [undefined, 'live', '1', '2', '__proto__'] as const;

/** The policy a qualifier names, or the 404 the service answers for a version or alias that is not there. */
function targetOf(fn: ModelFunction, name: string, qualifier: string | undefined): { key: string; revisioned?: Revisioned } | { error: Expected } {
  if (qualifier === undefined || qualifier === '$LATEST') return { key: '$LATEST', revisioned: fn };
  if (/^\d+$/.test(qualifier)) return fn.versions.some((v) => v.number === qualifier) ? { key: qualifier } : { error: notFound(name, qualifier) };
  const alias = fn.aliases.get(qualifier);
  if (!alias) return { error: { name: 'ResourceNotFoundException', message: `Cannot find alias arn: ${arnOf(name, qualifier)}` } };
  return { key: qualifier, revisioned: alias };
}

/** The RevisionId a change to a policy sends: only the function's and the aliases' are tracked. */
function revisionOf(fn: ModelFunction | undefined, name: string, qualifier: string | undefined, choice: RevisionChoice): string | undefined {
  if (!fn) return undefined;
  const target = targetOf(fn, name, qualifier);
  return 'key' in target ? revisionFor(target.revisioned, choice) : undefined;
}

export class AddPermission extends Base {
  constructor(
    readonly name: string,
    readonly qualifier: string | undefined,
    readonly sid: string,
    readonly principal: string,
    readonly revision: RevisionChoice,
  ) {
    super();
  }
  async apply(model: Model, { client }: Real) {
    model.beforeCommand();
    const fn = model.functions.get(this.name);
    const RevisionId = revisionOf(fn, this.name, this.qualifier, this.revision);
    const out = await attempt(
      client.send(
        new AddPermissionCommand({
          FunctionName: this.name,
          Qualifier: this.qualifier,
          StatementId: this.sid,
          Action: 'lambda:InvokeFunction',
          Principal: this.principal,
          RevisionId,
        }),
      ),
    );
    if (this.qualifier === '$LATEST') {
      return void expectOutcome(out, { name: 'InvalidParameterValueException', message: 'We currently do not support adding policies for $LATEST.' }, String(this));
    }
    if (!fn) return void expectOutcome(out, notFound(this.name), String(this));
    const target = targetOf(fn, this.name, this.qualifier);
    if ('error' in target) return void expectOutcome(out, target.error, String(this));
    if (target.revisioned && isStale(target.revisioned, RevisionId)) {
      return void expectOutcome(out, { name: 'PreconditionFailedException', message: STALE_REVISION }, String(this));
    }
    const statements = fn.policies.get(target.key) ?? [];
    if (statements.some((s) => s.sid === this.sid)) {
      return void expectOutcome(out, {
        name: 'ResourceConflictException',
        message: `The statement id (${this.sid}) provided already exists. Please provide a new statement id, or remove the existing statement.`,
      }, String(this));
    }
    const answer = expectOutcome(out, undefined, String(this))!;
    const statement = { sid: this.sid, principal: this.principal };
    expectEqual(JSON.parse(answer.Statement!), statementOf(this.name, target.key, statement));
    fn.policies.set(target.key, [...statements, statement]);
    // The change gave the function or alias a RevisionId no answer carried yet.
    if (target.revisioned) target.revisioned.revision = undefined;
  }
  toString() {
    return `AddPermission(${q(this.name)}${this.qualifier === undefined ? '' : `:${this.qualifier}`}, ${q(this.sid)}, ${this.principal}, revision ${this.revision})`;
  }
}

export class RemovePermission extends Base {
  constructor(readonly name: string, readonly qualifier: string | undefined, readonly sid: string, readonly revision: RevisionChoice) {
    super();
  }
  async apply(model: Model, { client }: Real) {
    model.beforeCommand();
    const fn = model.functions.get(this.name);
    const RevisionId = revisionOf(fn, this.name, this.qualifier, this.revision);
    const out = await attempt(client.send(new RemovePermissionCommand({ FunctionName: this.name, Qualifier: this.qualifier, StatementId: this.sid, RevisionId })));
    if (!fn) return void expectOutcome(out, { name: 'ResourceNotFoundException', message: `No policy found for: ${arnOf(this.name)}` }, String(this));
    const target = targetOf(fn, this.name, this.qualifier);
    if ('error' in target) return void expectOutcome(out, target.error, String(this));
    const statements = fn.policies.get(target.key);
    if (!statements) return void expectOutcome(out, { name: 'ResourceNotFoundException', message: 'No policy is associated with the given resource.' }, String(this));
    const rest = statements.filter((s) => s.sid !== this.sid);
    if (rest.length === statements.length) {
      return void expectOutcome(out, { name: 'ResourceNotFoundException', message: `Statement ${this.sid} is not found in resource policy.` }, String(this));
    }
    if (target.revisioned && isStale(target.revisioned, RevisionId)) {
      return void expectOutcome(out, { name: 'PreconditionFailedException', message: STALE_REVISION }, String(this));
    }
    expectOutcome(out, undefined, String(this));
    // The last statement takes the policy with it.
    if (rest.length > 0) fn.policies.set(target.key, rest);
    else fn.policies.delete(target.key);
    if (target.revisioned) target.revisioned.revision = undefined;
  }
  toString() {
    return `RemovePermission(${q(this.name)}${this.qualifier === undefined ? '' : `:${this.qualifier}`}, ${q(this.sid)}, revision ${this.revision})`;
  }
}

export class GetPolicy extends Base {
  constructor(readonly name: string, readonly qualifier: string | undefined) {
    super();
  }
  async apply(model: Model, { client }: Real) {
    model.beforeCommand();
    const fn = model.functions.get(this.name);
    const out = await attempt(client.send(new GetPolicyCommand({ FunctionName: this.name, Qualifier: this.qualifier })));
    if (!fn) return void expectOutcome(out, notFound(this.name), String(this));
    const key = this.qualifier ?? '$LATEST';
    const statements = fn.policies.get(key);
    if (!statements) return void expectOutcome(out, { name: 'ResourceNotFoundException', message: 'The resource you requested does not exist.' }, String(this));
    const answer = expectOutcome(out, undefined, String(this))!;
    expectEqual(JSON.parse(answer.Policy!), policyDocument(this.name, key, statements));
    // The answer carries the RevisionId of what the policy is attached to.
    const target = targetOf(fn, this.name, this.qualifier);
    if ('key' in target && target.revisioned) readRevision(target.revisioned, answer.RevisionId);
    else expectEqual(typeof answer.RevisionId, 'string');
  }
  toString() {
    return `GetPolicy(${q(this.name)}${this.qualifier === undefined ? '' : `:${this.qualifier}`})`;
  }
}
