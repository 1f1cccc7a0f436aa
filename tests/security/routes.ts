// The route list as the running server publishes it (GET /api/docs/json), so the
// security tests follow the API as it grows instead of a hand-kept copy.
import { vnToday } from '../support/dates.ts';
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  pattern?: string;
  nullable?: boolean;
}

export interface Param {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: JsonSchema;
}

export interface Route {
  method: string;
  /** OpenAPI form: /api/v1/tickets/{id} */
  path: string;
  tags: string[];
  params: Param[];
  body: JsonSchema | null;
}

export async function loadRoutes(base: string): Promise<Route[]> {
  const res = await fetch(`${base}/api/docs/json`);
  if (res.status !== 200) throw new Error(`GET /api/docs/json answered ${res.status}`);
  const doc = (await res.json()) as {
    paths: Record<string, Record<string, { tags?: string[]; parameters?: Param[]; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>>;
  };
  const routes: Route[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      routes.push({
        method: method.toUpperCase(),
        path,
        tags: op.tags ?? [],
        params: op.parameters ?? [],
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
      });
    }
  }
  return routes;
}

export const routeName = (r: Pick<Route, 'method' | 'path'>) => `${r.method} ${r.path}`;

export const pathParams = (r: Route) => [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

/** The path with each {param} replaced (values are used as given: encode them yourself). */
export function fillPath(r: Route, values: Record<string, string>): string {
  return r.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`no value for {${name}} in ${r.path}`);
    return v;
  });
}

/** Values a property of a given name takes in a valid request of the demo centre. */
export const KNOWN_VALUES: Record<string, unknown> = {
  serviceId: 'ho-tich',
  serviceIds: ['ho-tich'],
  score: 4,
  printed: true,
  parts: [{ id: 'printer', kind: 'printer', status: 'ok' }],
  username: 'nobody',
  password: 'wrong-password',
  date: vnToday(),
  time: '09:00',
  fullName: 'Trần Thị Bình',
  phone: '0912345678',
};

/** A minimal body that passes the route's schema, so a request reaches the route's guard and handler. */
export function validExample(s: JsonSchema, name = ''): unknown {
  if (name in KNOWN_VALUES) return KNOWN_VALUES[name];
  if (s.enum) return s.enum[0];
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'object':
      return Object.fromEntries((s.required ?? []).map((k) => [k, validExample(s.properties?.[k] ?? {}, k)]));
    case 'array':
      return [];
    case 'integer':
    case 'number':
      return s.minimum ?? 1;
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return 'x'.repeat(Math.max(1, s.minLength ?? 1));
  }
}
