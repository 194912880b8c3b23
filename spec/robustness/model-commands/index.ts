import fc from 'fast-check';
import { NAMES, TAG_KEYS, ZIPS, type ModelCommand, type RevisionChoice } from '../reference-model';
import { ALIAS_VERSIONS, ALIASES, CreateAlias, DeleteAlias, GetAlias, ListAliases, UpdateAlias } from './alias-commands';
import {
  CreateFunction,
  DeleteConcurrency,
  DeleteFunction,
  GetConcurrency,
  GetFunction,
  Invoke,
  ListFunctions,
  ListTags,
  ListVersions,
  PublishVersion,
  PutConcurrency,
  QueueResults,
  SettleNow,
  Tag,
  Untag,
  UpdateCode,
  UpdateConfiguration,
} from './function-commands';
import { AddPermission, GetPolicy, POLICY_QUALIFIERS, PRINCIPALS, RemovePermission, STATEMENT_IDS } from './permission-commands';

/**
 * A sequence to run: the functions it starts with (so that most commands meet a function that
 * exists), then random commands. A failure prints the whole sequence, shrunk.
 */
export function modelSequences(maxCommands: number): fc.Arbitrary<Iterable<ModelCommand>> {
  // The most used name always exists at first; the others sometimes.
  const [usual, ...others] = NAMES;
  const prelude = fc
    .tuple(fc.boolean(), fc.subarray(others).chain((names) => fc.tuple(...names.map((n) => fc.tuple(fc.constant(n), fc.boolean())))))
    .map(([publish, more]) => [new CreateFunction(usual, 0, 128, publish), ...more.map(([n, p]) => new CreateFunction(n, 0, 128, p))]);
  return fc.tuple(prelude, fc.commands(modelCommands(), { maxCommands, size: 'medium' })).map(([created, commands]) => [...created, ...commands]);
}

/** The first value three times out of four: commands keep meeting the same function, alias, statement. */
const mostly = <T>(first: T, ...others: T[]): fc.Arbitrary<T> =>
  fc.oneof({ weight: 3, arbitrary: fc.constant(first) }, { weight: 1, arbitrary: fc.constantFrom(...others) });

/** Every command of the model, with arguments drawn from small pools so that sequences keep colliding. */
export function modelCommands(): fc.Arbitrary<ModelCommand>[] {
  const name = mostly(...NAMES);
  const zip = fc.integer({ min: 0, max: ZIPS.length - 1 });
  const memory = fc.constantFrom(128, 256);
  const revision = fc.constantFrom<RevisionChoice>('none', 'current', 'stale');
  // Versions and aliases: Invoke and GetFunction run what an alias points to.
  const qualifier = fc.option(fc.constantFrom('$LATEST', '1', '2', '3', '7', 'live', '__proto__'), { nil: undefined });
  const alias = mostly(...ALIASES);
  const aliasVersion = mostly(...ALIAS_VERSIONS);
  // Uniform: the function's, a version's and an alias's policies all need filling.
  const policyQualifier = fc.constantFrom(...POLICY_QUALIFIERS);
  const sid = mostly(...STATEMENT_IDS);
  const payload = fc.constantFrom('{}', '{"n":1}', '[1,2]', '"text"');
  const tagKey = fc.constantFrom(...TAG_KEYS);
  // Repeated entries weigh more: changes and publishes, on functions that exist, find the interesting cases.
  const create = fc.tuple(name, zip, memory, fc.boolean()).map(([n, z, m, p]) => new CreateFunction(n, z, m, p));
  const publish = fc.tuple(name, revision, fc.boolean()).map(([n, r, w]) => new PublishVersion(n, r, w));
  const addPermission = fc
    .tuple(name, fc.constantFrom(...POLICY_QUALIFIERS, '$LATEST'), sid, fc.constantFrom(...PRINCIPALS), revision)
    .map(([n, v, s, p, r]) => new AddPermission(n, v, s, p, r));
  const deleteAlias = fc.tuple(name, alias).map(([n, a]) => new DeleteAlias(n, a));
  return [
    create,
    create,
    publish,
    fc.tuple(name, zip, fc.boolean(), revision).map(([n, z, p, r]) => new UpdateCode(n, z, p, r)),
    fc
      .tuple(name, fc.option(memory, { nil: undefined }), fc.option(fc.constantFrom('', 'first', 'second'), { nil: undefined }), fc.option(fc.constantFrom('x', 'y'), { nil: undefined }), revision)
      .map(([n, m, d, e, r]) => new UpdateConfiguration(n, m, d, e, r)),
    publish,
    fc.tuple(name, fc.option(fc.constantFrom('$LATEST', '1', '2', '9'), { nil: undefined })).map(([n, v]) => new DeleteFunction(n, v)),
    fc.tuple(name, qualifier, fc.boolean(), payload).map(([n, v, e, p]) => new Invoke(n, v, e, p)),
    fc.tuple(fc.array(fc.constantFrom('"q1"', '"q2"', '{"q":3}'), { maxLength: 3 }), fc.boolean()).map(([p, a]) => new QueueResults(p, a)),
    fc.constant(new SettleNow()),
    fc.tuple(name, fc.array(fc.tuple(tagKey, fc.constantFrom('a', 'b', '')), { minLength: 1, maxLength: 3 })).map(([n, t]) => new Tag(n, t)),
    fc.tuple(name, fc.array(tagKey, { minLength: 1, maxLength: 2 })).map(([n, k]) => new Untag(n, k)),
    name.map((n) => new ListTags(n)),
    fc.tuple(name, fc.constantFrom(0, 1, 5)).map(([n, r]) => new PutConcurrency(n, r)),
    name.map((n) => new DeleteConcurrency(n)),
    name.map((n) => new GetConcurrency(n)),
    fc.tuple(name, qualifier).map(([n, v]) => new GetFunction(n, v)),
    name.map((n) => new ListVersions(n)),
    fc.constant(new ListFunctions()),
    fc.tuple(name, alias, aliasVersion).map(([n, a, v]) => new CreateAlias(n, a, v)),
    fc.tuple(name, alias, aliasVersion).map(([n, a, v]) => new CreateAlias(n, a, v)),
    fc.tuple(name, alias, fc.option(aliasVersion, { nil: undefined }), revision).map(([n, a, v, r]) => new UpdateAlias(n, a, v, r)),
    deleteAlias,
    deleteAlias,
    fc.tuple(name, alias).map(([n, a]) => new GetAlias(n, a)),
    fc.tuple(name, fc.option(aliasVersion, { nil: undefined })).map(([n, v]) => new ListAliases(n, v)),
    addPermission,
    addPermission,
    fc.tuple(name, policyQualifier, sid, revision).map(([n, v, s, r]) => new RemovePermission(n, v, s, r)),
    fc.tuple(name, policyQualifier).map(([n, v]) => new GetPolicy(n, v)),
  ];
}
