import { preconditionFailed } from '../../errors/service-error';
import type { PolicyStatement } from '../../store/records';
import { newRevisionId } from '../../util/aws';
import type { OperationHandler } from '../operation-handler';
import { accountPrincipal, duplicateStatement, sidOf } from '../policies/policy-statement';
import { layerVersionForPolicy, saveLayerVersion } from './layer-record';

/** The service's 412 for a stale layer policy RevisionId. */
export const staleLayerPolicy = (): Error =>
  preconditionFailed('The Revision Id provided does not match the latest Revision Id. Call the GetLayerPolicy API to retrieve the latest Revision Id');

/**
 * AddLayerVersionPermission: grants `lambda:GetLayerVersion` on a layer version to an account, to
 * everyone (`*`), or to an organization (`*` with `OrganizationId`). Answers the statement as the
 * service writes it and the policy's new RevisionId (201).
 */
export const addLayerVersionPermission: OperationHandler<'AddLayerVersionPermission'> = (input, ctx) => {
  const { layer, version } = layerVersionForPolicy(ctx, input.LayerName!, input.VersionNumber!);
  const sid = input.StatementId!;
  const statements = version.policy?.statements ?? [];
  if (statements.some((s) => sidOf(s) === sid)) throw duplicateStatement(sid);
  if (input.RevisionId !== undefined && input.RevisionId !== version.policy?.revisionId) throw staleLayerPolicy();
  const principal = input.Principal!;
  const statement: PolicyStatement = {
    Sid: sid,
    Effect: 'Allow',
    // The model's pattern allows an account id, `*` or an account's root ARN.
    Principal: /^\d{12}$/.test(principal) ? accountPrincipal(ctx.partition, principal) : principal === '*' ? '*' : { AWS: principal },
    Action: input.Action!,
    Resource: version.details.LayerVersionArn!,
    ...(input.OrganizationId !== undefined ? { Condition: { StringEquals: { 'aws:PrincipalOrgID': input.OrganizationId } } } : {}),
  };
  const revisionId = newRevisionId();
  saveLayerVersion(ctx, layer, { ...version, policy: { statements: [...statements, statement], revisionId } });
  return { Statement: JSON.stringify(statement), RevisionId: revisionId };
};
