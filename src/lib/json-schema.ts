// A reader for the small part of JSON Schema that z.toJSONSchema writes for /rules.json's record
// (src/lib/rule-record-schema.ts): the browser checks records against the schema derived from the
// entry schema without loading zod. Returns the value with defaults filled in, or throws a Problem
// naming the field.

export interface JsonSchema {
  type?: 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array';
  properties?: Record<string, JsonSchema>;
  required?: readonly string[];
  additionalProperties?: boolean;
  items?: JsonSchema;
  anyOf?: readonly JsonSchema[];
  enum?: readonly string[];
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  default?: unknown;
}

/** What is wrong and where: `<field path> must be <want>, got <value>`. */
export class Problem extends Error {
  constructor(path: string, want: string, got: unknown) {
    super(`${path || '(record)'} must be ${want}, got ${JSON.stringify(got) ?? 'nothing'}`);
  }
}

const TYPE_WORDS = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
} as const;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const hasType = (type: keyof typeof TYPE_WORDS, v: unknown) =>
  type === 'integer'
    ? Number.isInteger(v)
    : type === 'array'
      ? Array.isArray(v)
      : type === 'object'
        ? isObject(v)
        : typeof v === type;

const shape = (s: JsonSchema) => `{ ${(s.required ?? []).join(', ')} }`;

function checkString(s: JsonSchema, v: string, at: string) {
  if (s.enum && !s.enum.includes(v)) throw new Problem(at, `one of ${s.enum.join(', ')}`, v);
  if (s.minLength !== undefined && v.length < s.minLength)
    throw new Problem(at, `at least ${s.minLength} characters`, v);
  if (s.maxLength !== undefined && v.length > s.maxLength)
    throw new Problem(at, `at most ${s.maxLength} characters`, v);
  if (s.pattern !== undefined && !new RegExp(s.pattern, 'u').test(v))
    throw new Problem(at, `of the form ${s.pattern}`, v);
  if (s.format === 'uri' && !URL.canParse(v)) throw new Problem(at, 'a URL', v);
}

// Keys are walked with for…in, not Object.entries: the command checks its rule data at every start,
// in code not yet optimised, where the entry arrays took 4 % of a run on an empty input.
function checkObject(s: JsonSchema, v: Record<string, unknown>, at: string) {
  const field = (key: string) => (at ? `${at}.${key}` : key);
  const out: Record<string, unknown> = {};
  const properties = s.properties ?? {};
  for (const key in v) {
    if (!Object.hasOwn(v, key)) continue;
    const property = properties[key];
    if (property) out[key] = decodeJson(property, v[key], field(key));
    else if (s.additionalProperties === false) throw new Problem(field(key), 'absent (not a field)', v[key]);
    else out[key] = v[key];
  }
  for (const key in properties) {
    if (key in out) continue;
    const property = properties[key]!;
    if (property.default !== undefined) out[key] = structuredClone(property.default);
    else if (s.required?.includes(key))
      throw new Problem(field(key), TYPE_WORDS[property.type ?? 'object'], undefined);
  }
  return out;
}

/** `value` checked against `schema`, defaults filled in; throws a Problem at the first fault. */
export function decodeJson(schema: JsonSchema, value: unknown, at = ''): unknown {
  if (schema.anyOf) {
    for (const option of schema.anyOf) {
      try {
        return decodeJson(option, value, at);
      } catch (error) {
        if (!(error instanceof Problem)) throw error;
      }
    }
    throw new Problem(at, schema.anyOf.map(shape).join(' or '), value);
  }
  if (schema.type && !hasType(schema.type, value)) throw new Problem(at, TYPE_WORDS[schema.type], value);
  if (typeof value === 'string') checkString(schema, value, at);
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum)
      throw new Problem(at, `at least ${schema.minimum}`, value);
    if (schema.maximum !== undefined && value > schema.maximum)
      throw new Problem(at, `at most ${schema.maximum}`, value);
  }
  if (Array.isArray(value))
    return value.map((item, i) => (schema.items ? decodeJson(schema.items, item, `${at}.${i}`) : item));
  if (isObject(value)) return checkObject(schema, value, at);
  return value;
}
