import type { OperationSpec } from '../model/model-types';

type Segment = { readonly literal: string } | { readonly label: string; readonly greedy: boolean };

interface Route {
  readonly operation: string;
  readonly segments: readonly Segment[];
  /** Query parameters the URI itself fixes, e.g. `?List=ALL`: they tell apart routes that share a path. */
  readonly fixedQuery: readonly (readonly [string, string])[];
  readonly literals: number;
}

/** A request matched to an operation, with the values of its path labels (decoded). */
export interface RouteMatch {
  readonly operation: string;
  readonly labels: Readonly<Record<string, string>>;
}

/**
 * The path without one trailing slash: the API model writes `/2015-03-31/functions`, botocore's model
 * (the AWS CLI, boto3) `/2015-03-31/functions/`; the service answers both.
 */
const withoutTrailingSlash = (path: string): string => (path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path);

function parseRoute(operation: string, uri: string): Route {
  const [path = '', query = ''] = uri.split('?');
  const segments: Segment[] = withoutTrailingSlash(path).split('/').map((part) => {
    const label = /^\{([^}+]+)(\+?)\}$/.exec(part);
    return label ? { label: label[1]!, greedy: label[2] === '+' } : { literal: part };
  });
  const fixedQuery = [...new URLSearchParams(query)].map(([k, v]) => [k, v] as const);
  return { operation, segments, fixedQuery, literals: segments.filter((s) => 'literal' in s).length };
}

/** The label values of `parts` on `route`, or `undefined` when the path does not fit it. */
function matchSegments(route: Route, parts: readonly string[]): Record<string, string> | undefined {
  const labels: Record<string, string> = {};
  const { segments } = route;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const part = parts[i];
    if (part === undefined) return undefined;
    if ('literal' in segment) {
      if (segment.literal !== part) return undefined;
      continue;
    }
    const raw = segment.greedy ? parts.slice(i).join('/') : part;
    // A label is never empty: the SDK refuses to send a request without it.
    if (raw === '') return undefined;
    try {
      labels[segment.label] = segment.greedy ? raw.split('/').map(decodeURIComponent).join('/') : decodeURIComponent(raw);
    } catch {
      return undefined; // malformed percent-encoding: no operation has this path
    }
    if (segment.greedy) return labels;
  }
  return parts.length === segments.length ? labels : undefined;
}

/**
 * Lambda's REST routes, built from the API model's `@http` traits: method, path with labels, and the
 * query parameters some URIs fix (`GET /2018-10-31/layers?find=LayerVersion` is GetLayerVersionByArn,
 * `GET /2018-10-31/layers` is ListLayers).
 */
export class Router {
  private readonly byMethod = new Map<string, Route[]>();

  constructor(specs: Readonly<Record<string, OperationSpec>>) {
    for (const [operation, spec] of Object.entries(specs)) {
      const routes = this.byMethod.get(spec.method) ?? [];
      routes.push(parseRoute(operation, spec.uri));
      this.byMethod.set(spec.method, routes);
    }
    // The most specific route wins: fixed query parameters first, then literal segments.
    for (const routes of this.byMethod.values()) {
      routes.sort((a, b) => b.fixedQuery.length - a.fixedQuery.length || b.literals - a.literals);
    }
  }

  /** The operation a request names, or `undefined` (the service's `UnknownOperationException`). */
  match(method: string, path: string, query: URLSearchParams): RouteMatch | undefined {
    const routes = this.byMethod.get(method);
    if (!routes) return undefined;
    const parts = withoutTrailingSlash(path).split('/');
    for (const route of routes) {
      if (route.fixedQuery.some(([key, value]) => query.get(key) !== value)) continue;
      const labels = matchSegments(route, parts);
      if (labels) return { operation: route.operation, labels };
    }
    return undefined;
  }
}
