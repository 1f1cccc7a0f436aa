// Generators of hostile input for the API fuzz: bodies, path and query values, headers.
// Each mixes values a real client would send with the nasty ones, so requests get
// past validation often enough to reach the handlers where 500s hide.
import fc from 'fast-check';
import type { JsonSchema } from './routes.ts';
import { KNOWN_VALUES, validExample } from './routes.ts';
import { vnDay, vnToday } from '../support/dates.ts';

export const BODY_LIMIT = 16 * 1024;

/** A request body as bytes on the wire (or none). */
export type Body = string | Uint8Array<ArrayBuffer> | undefined;

const jsonString = (n: number) => JSON.stringify({ serviceId: 'x'.repeat(Math.max(0, n - 16)) });
const nested = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

/** encodeURIComponent that survives lone surrogates (they become U+FFFD, as a browser would send them). */
export function encode(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return encodeURIComponent(s.replace(/[\ud800-\udfff]/g, '\ufffd'));
  }
}

/** Bodies every route gets at least once, whatever the random draw. */
export const HOSTILE_BODIES: Record<string, Body> = {
  empty: '',
  'json null': 'null',
  'json string': '"ho-tich"',
  'json array': '[]',
  'json number': '42',
  'json true': 'true',
  truncated: '{"serviceId":',
  'trailing garbage': '{"serviceId":"ho-tich"} x',
  'duplicate keys': '{"serviceId":"ho-tich","serviceId":{"a":1}}',
  'single quotes': "{'serviceId':'ho-tich'}",
  'BOM first': '\uFEFF{"serviceId":"ho-tich"}',
  '__proto__ key': '{"__proto__":{"polluted":"yes"},"serviceId":"ho-tich","score":4}',
  'constructor.prototype key': '{"constructor":{"prototype":{"polluted":"yes"}},"serviceId":"ho-tich"}',
  'nested __proto__': '{"parts":[{"__proto__":{"polluted":"yes"},"id":"p","kind":"printer","status":"ok"}]}',
  'deeply nested 2000': nested(2000),
  'deeply nested arrays 5000': '['.repeat(5000) + ']'.repeat(5000),
  'just under the limit': jsonString(BODY_LIMIT - 64),
  'exactly the limit': jsonString(BODY_LIMIT),
  'one over the limit': jsonString(BODY_LIMIT + 1),
  'four times the limit': jsonString(BODY_LIMIT * 4),
  'many keys': JSON.stringify(Object.fromEntries(Array.from({ length: 1500 }, (_, i) => [`k${i}`, i]))),
  'number 1e309': '{"score":1e309,"printed":1e309,"serviceId":1e309}',
  'number -0': '{"score":-0,"serviceId":"ho-tich"}',
  'NaN as string': '{"score":"NaN","printed":"false","serviceId":"NaN"}',
  'huge integer': '{"score":123456789012345678901234567890}',
  'wrong types': '{"serviceId":["ho-tich"],"score":[4],"printed":"true","parts":"all","username":{},"password":1}',
  'nul bytes in strings': '{"serviceId":"ho\\u0000tich","username":"quay1\\u0000","password":"demo\\u0000","reason":"\\u0000"}',
  'raw nul byte': '{"serviceId":"ho\u0000tich"}',
  'lone surrogate': '{"serviceId":"\\ud800","fullName":"\\udfff\\ud800"}',
  'invalid UTF-8 bytes': new Uint8Array([0x7b, 0x22, 0x73, 0x65, 0x72, 0x76, 0x69, 0x63, 0x65, 0x49, 0x64, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0xff, 0xfe, 0x80, 0x22, 0x7d]),
  'binary garbage': new Uint8Array(Array.from({ length: 512 }, (_, i) => (i * 131 + 7) % 256)),
  'unicode everywhere': JSON.stringify({ serviceId: 'hộ-tịch', fullName: 'Nguyễn Văn An 👨‍👩‍👧 ﷽', phone: '٠٩١٢٣٤٥٦٧٨', reason: '\u202Eevil' }),
  'sql and template text': JSON.stringify({ serviceId: "ho-tich'; DROP TABLE tickets;--", fullName: '${jndi:ldap://x}', username: "' OR 1=1 --", password: '{{7*7}}' }),
};

export const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'APPLICATION/JSON',
  'application/json;;;',
  'application/vnd.api+json',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'text/plain',
  'text/html',
  'application/octet-stream',
  '*/*',
  'json',
  'application/json, text/plain',
  'x'.repeat(2000),
];

/** Path values that are not ids: traversal, encodings, overlong, reserved words. */
export const HOSTILE_PATH_VALUES = [
  '%00',
  'a%00b',
  '%ZZ',
  '%',
  '%C3%28',
  '%F0%9F%92%A9',
  '..%2F..%2Fetc%2Fpasswd',
  '%2e%2e',
  '.',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'null',
  'undefined',
  '1e309',
  '-0',
  'NaN',
  '0x1F',
  '%20',
  '%09',
  'a'.repeat(65),
  'a'.repeat(100),
  'a'.repeat(101),
  'a'.repeat(3000),
  encodeURIComponent("1' OR '1'='1"),
  encodeURIComponent('Hộ tịch'),
  encodeURIComponent('<script>alert(1)</script>'),
];

/** A header value fetch will send: visible Latin-1, no control bytes, no edge spaces. */
export const headerText = (maxLength = 80) =>
  fc
    .string({ unit: fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0xa1, max: 0xff })).map((c) => String.fromCharCode(c)), maxLength })
    .map((s) => s.trim());

/** Strings a person or an attacker might type: ASCII, any code point, Vietnamese. */
export const anyText = (maxLength = 40) =>
  fc.oneof(
    fc.string({ maxLength }),
    fc.string({ unit: 'binary', maxLength }),
    fc.string({ unit: 'grapheme', maxLength }),
    fc.constantFrom('Nguyễn Văn An', 'Đặng Thị Ửng', '', ' ', '\u0000', '\ud800', 'x'.repeat(maxLength + 1)),
  );

/** A value for one property: mostly the right type near its bounds, sometimes any JSON at all. */
export function valueFor(s: JsonSchema, name: string, depth = 0): fc.Arbitrary<unknown> {
  const wrong = fc.jsonValue({ maxDepth: 2 });
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  let right: fc.Arbitrary<unknown>;
  if (s.enum) right = fc.oneof(fc.constantFrom(...s.enum), anyText(12));
  else if (type === 'object' && depth < 3) right = objectFor(s, depth + 1);
  else if (type === 'array' && depth < 3) right = fc.array(valueFor(s.items ?? {}, name, depth + 1), { maxLength: (s.maxItems ?? 4) + 2 });
  else if (type === 'integer' || type === 'number')
    right = fc.oneof(fc.integer({ min: (s.minimum ?? 0) - 3, max: (s.maximum ?? 10) + 3 }), fc.constantFrom(-0, 0.5, 2 ** 31, 2 ** 53 + 1, -(2 ** 63), Number.MAX_VALUE, Number.MIN_VALUE));
  else if (type === 'boolean') right = fc.boolean();
  else right = fc.oneof(anyText((s.maxLength ?? 40) + 2), fc.constant('x'.repeat((s.maxLength ?? 64) + 1)));
  const known = name in KNOWN_VALUES ? [fc.constant(KNOWN_VALUES[name])] : [];
  return fc.oneof({ weight: 3, arbitrary: known.length ? fc.oneof(known[0]!, right) : right }, { weight: 1, arbitrary: wrong });
}

/** An object for a schema: required keys usually present, optional keys sometimes, a stray key now and then. */
export function objectFor(s: JsonSchema, depth = 0): fc.Arbitrary<Record<string, unknown>> {
  const props = s.properties ?? {};
  const model = Object.fromEntries(Object.entries(props).map(([k, p]) => [k, fc.option(valueFor(p, k, depth), { freq: 4, nil: undefined })]));
  return fc.tuple(fc.record(model), fc.option(fc.tuple(fc.constantFrom('extra', 'role', 'isAdmin', 'id', 'status', 'counterId'), fc.jsonValue({ maxDepth: 1 })), { freq: 4 })).map(([o, stray]) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) if (v !== undefined || (s.required ?? []).includes(k)) out[k] = v;
    if (stray) out[stray[0]] = stray[1];
    return out;
  });
}

/** A valid body with at most one property replaced: gets past validation, then pokes the handler. */
export function nearlyValid(schema: JsonSchema): fc.Arbitrary<Record<string, unknown>> {
  const base = validExample(schema) as Record<string, unknown>;
  const keys = Object.keys(schema.properties ?? {});
  if (!keys.length) return fc.constant(base);
  return fc.option(fc.constantFrom(...keys).chain((k) => valueFor(schema.properties![k]!, k).map((v) => ({ ...base, [k]: v }))), { nil: base, freq: 3 });
}

/** Any body for a route: nearly valid, schema-shaped, arbitrary JSON, or from the hostile catalogue. */
export function bodyFor(schema: JsonSchema | null): fc.Arbitrary<Body> {
  return fc.oneof(
    { weight: schema ? 4 : 0, arbitrary: schema ? nearlyValid(schema).map((o) => JSON.stringify(o)) : fc.constant(undefined) },
    { weight: schema ? 4 : 1, arbitrary: objectFor(schema ?? { type: 'object', properties: { serviceId: { type: 'string' } } }).map((o) => JSON.stringify(o)) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)) },
    { weight: 2, arbitrary: fc.constantFrom(...Object.values(HOSTILE_BODIES)) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

function goodQueryValues(name: string, s: JsonSchema): string[] {
  if (s.enum) return s.enum.map(String);
  // Relative to today: a fixed day would drift out of the bookable and reportable range.
  if (name === 'from') return [vnDay(-40), vnDay(-30)];
  if (name === 'to' || name === 'date') return [vnToday(), vnDay(-10)];
  if (name === 'serviceId') return ['ho-tich', 'dat-dai'];
  return ['khai sinh', 'ho tich', '1.001193'];
}

/** Query strings: the declared keys with good or bad values, repeats, stray and reserved keys, raw bytes. */
export function queryFor(names: { name: string; schema: JsonSchema }[]): fc.Arbitrary<string> {
  const key = fc.oneof(
    { weight: 4, arbitrary: names.length ? fc.constantFrom(...names.map((n) => n.name)) : fc.constant('q') },
    { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor[prototype][polluted]', '__proto__[polluted]', 'a[b][c]', 'x', '') },
  );
  const value = fc.oneof(
    fc.constantFrom(vnToday(), '2026-02-31', '9999-12-31', '0000-00-00', 'month', 'quarter', 'year', 'range', 'json', 'csv', 'xlsx', 'ho-tich', 'khai sinh'),
    anyText(30).map(encode),
    fc.constantFrom('%ZZ', '%', '%00', '%C3%28', 'a'.repeat(2000), '1e309', '-0', 'NaN'),
  );
  const wellFormed = fc.tuple(...names.map((n) => fc.option(fc.constantFrom(...goodQueryValues(n.name, n.schema)).map((v) => [n.name, v] as [string, string]), { freq: 3, nil: null })));
  const join = (pairs: [string, string][]) => (pairs.length ? '?' + pairs.map(([k, v]) => `${encodeURIComponent(k)}=${v}`).join('&') : '');
  return fc.oneof(
    { weight: names.length ? 2 : 0, arbitrary: wellFormed.map((p) => join(p.filter((x): x is [string, string] => x !== null))) },
    { weight: 2, arbitrary: fc.array(fc.tuple(key, value), { maxLength: 5 }).map(join) },
  );
}

export interface Credentials {
  sid: string;
  csrf: string;
}

/** Hostile headers, layered over whatever identity the request already carries. */
export function headersFor(staff: Credentials): fc.Arbitrary<Record<string, string>> {
  return fc.record(
    {
      'content-type': fc.oneof({ weight: 5, arbitrary: fc.constant('application/json') }, { weight: 2, arbitrary: fc.constantFrom(...CONTENT_TYPES) }, { weight: 1, arbitrary: headerText() }),
      'idempotency-key': fc.oneof(fc.uuid(), fc.constantFrom('a'.repeat(128), 'a'.repeat(129), 'a'.repeat(8000), 'key with spaces', 'clé-é', '{"a":1}'), headerText(200)),
      authorization: fc.oneof(
        fc.constantFrom('Bearer', 'Bearer ', 'Bearer demo-kiosk-1 extra', 'bearer demo-kiosk-1', 'Basic YWRtaW46ZGVtbw==', 'Bearer ' + 'x'.repeat(8000), 'Bearer demo-board-1'),
        headerText().map((s) => `Bearer ${s}`),
        headerText(),
      ),
      cookie: fc.oneof(
        fc.constantFrom(`sid=${staff.sid}`, 'sid=', 'sid=%ZZ', 'sid="quoted"', 'sid=a; sid=b', `csrf=${staff.csrf}`, 'sid=' + 'x'.repeat(8000), ';;;=;'),
        headerText().map((s) => `sid=${s}`),
        headerText(),
      ),
      'x-csrf-token': fc.oneof(fc.constantFrom(staff.csrf, '', 'x'.repeat(5000)), headerText()),
      accept: fc.constantFrom('application/json', 'text/csv', '*/*', 'application/xml', ''),
      'x-http-method-override': fc.constantFrom('DELETE', 'PUT', 'GET'),
      'x-forwarded-for': fc.constantFrom('127.0.0.1', '::1', 'evil', '1.2.3.4, 5.6.7.8'),
      'x-filler': fc.constantFrom(1000, 4000, 8000, 14_000, 17_000).map((n) => 'a'.repeat(n)),
    },
    { requiredKeys: [] },
  );
}
