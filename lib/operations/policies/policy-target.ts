import { resourceNotFound } from '../../errors/service-error';
import type { FunctionState, PolicyDocument } from '../../store/records';
import { newRevisionId } from '../../util/aws';
import { entryOf, withEntry, withoutEntry } from '../../util/name-map';
import type { OperationContext } from '../operation-handler';
import { saveFunction } from '../functions/function-record';
import { functionArn, isAliasName, resolveQualifier } from '../functions/function-ref';

/** The unqualified function's policy is kept under `$LATEST`, as a Qualifier of `$LATEST` reads it. */
const UNQUALIFIED = '$LATEST';

/**
 * What a resource-based policy is attached to: the function (`$LATEST`), one published version, or
 * one alias. Each has its own policy, and the policy's RevisionId is the version's or alias's.
 */
export interface PolicyTarget {
  readonly fn: FunctionState;
  /** `$LATEST`, a version number or an alias name. */
  readonly key: string;
  /** The ARN a statement names as its `Resource`. */
  readonly resourceArn: string;
  readonly policy: PolicyDocument | undefined;
  readonly revisionId: string | undefined;
}

/**
 * The policy target a qualifier names, or the service's 404 for an unknown version
 * (`Function not found: …:N`) or alias (`Cannot find alias arn: …`).
 */
export function policyTarget(ctx: OperationContext, fn: FunctionState, qualifier: string | undefined): PolicyTarget {
  const key = qualifier ?? UNQUALIFIED;
  const { version, alias } = resolveQualifier(ctx, fn, { name: fn.name, qualifier }, 'alias');
  return {
    fn,
    key,
    resourceArn: functionArn(ctx, fn.name, qualifier),
    policy: entryOf(fn.policies, key),
    revisionId: alias ? alias.RevisionId : version.configuration.RevisionId,
  };
}

/** The policy stored under a qualifier, without checking that the qualifier exists (GetPolicy does not). */
export const storedPolicy = (fn: FunctionState, qualifier: string | undefined): PolicyDocument | undefined =>
  entryOf(fn.policies, qualifier ?? UNQUALIFIED);

/** GetPolicy's and GetResourcePolicy's 404 for a resource without a policy. */
export const policyNotFound = (): Error => resourceNotFound('The resource you requested does not exist.');

/** The RevisionId a policy reports: its version's or alias's (the unqualified function's is `$LATEST`'s). */
export function policyRevisionId(fn: FunctionState, key: string): string | undefined {
  if (key !== UNQUALIFIED && isAliasName(key)) return entryOf(fn.aliases, key)?.RevisionId;
  if (key === UNQUALIFIED) return fn.latest.configuration.RevisionId;
  return fn.versions.find((v) => v.configuration.Version === key)?.configuration.RevisionId;
}

/**
 * Stores a target's new policy (`undefined` removes it) and gives its version or alias a new
 * RevisionId, as every policy change does. Answers the new RevisionId.
 */
export function savePolicy(ctx: OperationContext, target: PolicyTarget, policy: PolicyDocument | undefined): string {
  const { fn, key } = target;
  const revisionId = newRevisionId();
  const policies = policy === undefined ? withoutEntry(fn.policies, key) : withEntry(fn.policies, key, policy);
  let next: FunctionState = { ...fn, policies };
  if (key !== UNQUALIFIED && isAliasName(key)) {
    const alias = entryOf(fn.aliases, key)!;
    next = { ...next, aliases: withEntry(fn.aliases, key, { ...alias, RevisionId: revisionId }) };
  } else if (key === UNQUALIFIED) {
    next = { ...next, latest: { ...fn.latest, configuration: { ...fn.latest.configuration, RevisionId: revisionId } } };
  } else {
    const versions = fn.versions.map((v) => (v.configuration.Version === key ? { ...v, configuration: { ...v.configuration, RevisionId: revisionId } } : v));
    next = { ...next, versions };
  }
  saveFunction(ctx, next);
  return revisionId;
}
