/**
 * Operations of `@aws-sdk/client-lambda` that are newer than the vendored API model
 * (model/lambda-2015-03-31.json), described by hand from the SDK's declarations and the service's API
 * reference (GetResourcePolicy, PutResourcePolicy, DeleteResourcePolicy: API version 2026-07-09).
 * They are merged with the generated tables here, so that they are routed, validated and dispatched
 * like every other operation. The generated file is never edited by hand.
 */
import { operationSpecs, shapeSpecs } from './lambda-model.generated';
import type { OperationSpec, ShapeSpec } from './model-types';

/** The ResourceArn pattern of the three resource-policy operations: a complete function ARN, qualified or not. */
const RESOURCE_ARN_PATTERN =
  '^arn:(aws[a-zA-Z-]*)?:lambda:(eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:\\d{12}:function:[a-zA-Z0-9-_]+(:(\\$LATEST(\\.PUBLISHED)?|[a-zA-Z0-9-_])+)?$';

const ERRORS = ['InvalidParameterValueException', 'ResourceNotFoundException', 'ServiceException', 'TooManyRequestsException'];

/**
 * Routes, statuses and declared errors of the operations the vendored model lacks.
 *
 * @example
 * ```ts
 * extraOperationSpecs.GetResourcePolicy.uri; // '/2026-07-09/resource-policy/{ResourceArn}'
 * ```
 */
export const extraOperationSpecs = {
  DeleteResourcePolicy: {
    method: 'DELETE',
    uri: '/2026-07-09/resource-policy/{ResourceArn}',
    status: 204,
    input: 'DeleteResourcePolicyRequest',
    output: 'Unit',
    errors: [...ERRORS, 'PreconditionFailedException', 'ResourceConflictException'].sort(),
  },
  GetResourcePolicy: {
    method: 'GET',
    uri: '/2026-07-09/resource-policy/{ResourceArn}',
    status: 200,
    input: 'GetResourcePolicyRequest',
    output: 'GetResourcePolicyResponse',
    errors: ERRORS,
  },
  PutResourcePolicy: {
    method: 'PUT',
    uri: '/2026-07-09/resource-policy/{ResourceArn}',
    status: 200,
    input: 'PutResourcePolicyRequest',
    output: 'PutResourcePolicyResponse',
    errors: [...ERRORS, 'PolicyLengthExceededException', 'PreconditionFailedException', 'PublicPolicyException', 'ResourceConflictException'].sort(),
  },
} as const satisfies Record<string, OperationSpec>;

const resourceArn = { target: 'ResourcePolicyResourceArn', required: true, location: 'label', locationName: 'ResourceArn' } as const;
const policyAnswer: ShapeSpec = {
  type: 'structure',
  members: { Policy: { target: 'ResourcePolicyDocument' }, RevisionId: { target: 'ResourcePolicyRevisionId' } },
};

/**
 * Input and output shapes of those operations, with the constraints the API reference states
 * (ResourceArn: length 0–256 and the pattern above; Policy: 1–20480; RevisionId: a 36-character UUID).
 *
 * @example
 * ```ts
 * extraShapeSpecs.ResourcePolicyDocument.max; // 20480
 * ```
 */
export const extraShapeSpecs: Record<string, ShapeSpec> = {
  ResourcePolicyResourceArn: { type: 'string', min: 0, max: 256, pattern: RESOURCE_ARN_PATTERN },
  ResourcePolicyDocument: { type: 'string', min: 1, max: 20480, pattern: '^[\\s\\S]+$' },
  ResourcePolicyRevisionId: { type: 'string', min: 36, max: 36, pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' },
  GetResourcePolicyRequest: { type: 'structure', members: { ResourceArn: resourceArn } },
  PutResourcePolicyRequest: {
    type: 'structure',
    members: {
      ResourceArn: resourceArn,
      Policy: { target: 'ResourcePolicyDocument', required: true },
      RevisionId: { target: 'ResourcePolicyRevisionId' },
    },
  },
  DeleteResourcePolicyRequest: {
    type: 'structure',
    members: {
      ResourceArn: resourceArn,
      RevisionId: { target: 'ResourcePolicyRevisionId', location: 'query', locationName: 'RevisionId' },
    },
  },
  GetResourcePolicyResponse: policyAnswer,
  PutResourcePolicyResponse: policyAnswer,
};

/**
 * Every operation lambda-mock knows: the generated model's and the newer ones above.
 *
 * @example
 * ```ts
 * allOperationSpecs.PutResourcePolicy.method; // 'PUT'
 * ```
 */
export const allOperationSpecs: Readonly<Record<string, OperationSpec>> = { ...operationSpecs, ...extraOperationSpecs };

/**
 * Every shape lambda-mock validates against: the generated model's and the newer ones above.
 *
 * @example
 * ```ts
 * allShapeSpecs.PutResourcePolicyRequest?.members?.Policy?.required; // true
 * ```
 */
export const allShapeSpecs: Readonly<Record<string, ShapeSpec>> = { ...shapeSpecs, ...extraShapeSpecs };
