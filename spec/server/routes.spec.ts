import { allOperationSpecs } from '../../lib/model/extra-operations';
import { Router } from '../../lib/server/routes';

const router = new Router(allOperationSpecs);
const match = (method: string, target: string) => {
  const url = new URL(target, 'http://server');
  return router.match(method, url.pathname, url.searchParams);
};

/** A request target for an operation's URI, each label filled with `value-of-<Label>`. */
const targetOf = (uri: string): string => uri.replace(/\{([^}+]+)\+?\}/g, (_, label: string) => `value-of-${label}`);

describe('Router: routes derived from the API model', () => {
  test.each(Object.entries(allOperationSpecs).map(([operation, spec]) => [operation, spec.method, spec.uri]))(
    '%s: %s %s leads back to it, with its labels',
    (operation, method, uri) => {
      const labels = Object.fromEntries([...uri.matchAll(/\{([^}+]+)\+?\}/g)].map(([, label]) => [label!, `value-of-${label}`]));
      expect(match(method, targetOf(uri))).toEqual({ operation, labels });
    },
  );

  test('the query parameters a URI fixes tell apart routes that share a path', () => {
    expect(match('GET', '/2018-10-31/layers?find=LayerVersion&Arn=x')?.operation).toBe('GetLayerVersionByArn');
    expect(match('GET', '/2018-10-31/layers')?.operation).toBe('ListLayers');
    expect(match('GET', '/2018-10-31/layers?find=other')?.operation).toBe('ListLayers');
    expect(match('GET', '/2019-09-30/functions/f/provisioned-concurrency?List=ALL')?.operation).toBe('ListProvisionedConcurrencyConfigs');
    expect(match('GET', '/2019-09-30/functions/f/provisioned-concurrency?Qualifier=1')?.operation).toBe('GetProvisionedConcurrencyConfig');
  });

  test('labels are percent-decoded: an ARN arrives whole', () => {
    const arn = 'arn:aws:lambda:us-east-1:123456789012:function:orders:prod';
    expect(match('GET', `/2015-03-31/functions/${encodeURIComponent(arn)}`)).toEqual({
      operation: 'GetFunction',
      labels: { FunctionName: arn },
    });
  });

  test('a trailing slash, as botocore (the AWS CLI, boto3) writes some URIs, names the same operation', () => {
    expect(match('GET', '/2015-03-31/functions/')?.operation).toBe('ListFunctions');
    expect(match('GET', '/2015-03-31/functions')?.operation).toBe('ListFunctions');
    expect(match('POST', '/2014-11-13/functions/orders/invoke-async/')).toEqual({ operation: 'InvokeAsync', labels: { FunctionName: 'orders' } });
  });

  test('the method and every literal segment count', () => {
    expect(match('POST', '/2015-03-31/functions')?.operation).toBe('CreateFunction');
    expect(match('DELETE', '/2015-03-31/functions')).toBeUndefined();
    expect(match('PATCH', '/2015-03-31/functions/orders')).toBeUndefined();
    expect(match('GET', '/2015-03-31/functions/orders/extra/segments')).toBeUndefined();
    expect(match('GET', '/2016-01-01/functions/orders')).toBeUndefined();
  });

  test('an empty label or a malformed percent-encoding matches no operation', () => {
    expect(match('GET', '/2015-03-31/functions//configuration')).toBeUndefined();
    expect(match('GET', '/2015-03-31/functions/%E0%A4%A')).toBeUndefined();
  });
});
