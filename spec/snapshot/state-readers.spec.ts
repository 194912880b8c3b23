import { CreateFunctionCommand, PublishVersionCommand } from '@aws-sdk/client-lambda';
import { mockLambda, type LambdaMock } from '../../lib';
import { createInput, newClient } from '../helpers/fixtures';

let lambda: LambdaMock;
beforeEach(() => {
  lambda = mockLambda();
});
afterEach(() => lambda.restore());

describe('lambda.state readers', () => {
  test('functions(region) lists one region, functions() every region of the account', async () => {
    await newClient('us-east-1').send(new CreateFunctionCommand(createInput('a')));
    await newClient('us-east-1').send(new CreateFunctionCommand(createInput('b')));
    await newClient('eu-west-1').send(new CreateFunctionCommand(createInput('c')));

    expect(lambda.state.functions('us-east-1').map((fn) => fn.name)).toEqual(['a', 'b']);
    expect(lambda.state.functions('eu-west-1').map((fn) => fn.name)).toEqual(['c']);
    expect(lambda.state.functions('ap-south-1')).toEqual([]);
    expect(lambda.state.functions().map((fn) => fn.name)).toEqual(['a', 'b', 'c']);
  });

  test('function(name) finds it in whichever region holds it, with its versions', async () => {
    await newClient('eu-west-1').send(new CreateFunctionCommand(createInput('orders', { MemorySize: 512 })));
    await newClient('eu-west-1').send(new PublishVersionCommand({ FunctionName: 'orders' }));

    const fn = lambda.state.function('orders');
    expect(fn?.latest.configuration.MemorySize).toBe(512);
    expect(fn?.versions.map((v) => v.configuration.Version)).toEqual(['1']);
    expect(lambda.state.function('orders', 'eu-west-1')).toBe(fn);
    expect(lambda.state.function('orders', 'us-east-1')).toBeUndefined();
    expect(lambda.state.function('missing')).toBeUndefined();
  });

  test('function(name) asks for the region when several hold one of that name', async () => {
    await newClient('us-east-1').send(new CreateFunctionCommand(createInput('orders')));
    await newClient('eu-west-1').send(new CreateFunctionCommand(createInput('orders')));

    expect(() => lambda.state.function('orders')).toThrow(
      new Error('lambda-mock: a function named "orders" exists in us-east-1, eu-west-1: name the region, state.function("orders", "us-east-1")'),
    );
    expect(lambda.state.function('orders', 'eu-west-1')?.latest.configuration.FunctionArn).toBe('arn:aws:lambda:eu-west-1:123456789012:function:orders');
  });

  test('a state taken earlier does not see later functions', async () => {
    const before = lambda.state;
    await newClient().send(new CreateFunctionCommand(createInput('later')));
    expect(before.functions()).toEqual([]);
    expect(lambda.state.functions()).toHaveLength(1);
  });
});
