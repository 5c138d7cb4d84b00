import { type ZodObject, type ZodType, z } from 'zod';
import type { Language } from '../i18n/languages.ts';
import { type ApiDocsKey, apiDocsText } from './messages.ts';

/** A parameter as the routes declare it: its description is a key of the docs' messages. */
export type Parameter = {
  name: string;
  in: 'query' | 'path';
  required: boolean;
  description?: ApiDocsKey;
  schema: unknown;
};

/** Query parameters described from the zod schema the route itself validates with: one source of truth. */
export function queryParameters(
  schema: ZodObject,
  descriptions: Record<string, ApiDocsKey> = {},
): Parameter[] {
  return Object.entries(schema.shape).map(([name, field]) => {
    const { $schema: _dialect, ...json } = z.toJSONSchema(field as ZodType, {
      io: 'input',
      unrepresentable: 'any',
    }) as Record<string, unknown>;
    return {
      name,
      in: 'query' as const,
      required: !(field as ZodType).safeParse(undefined).success,
      ...(descriptions[name] ? { description: descriptions[name] } : {}),
      schema: json,
    };
  });
}

const pathId = (name: string, description: ApiDocsKey): Parameter => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: { type: 'integer', minimum: 1 },
});

const problem = {
  description: 'A problem document (RFC 9457) naming each invalid field',
  content: {
    'application/problem+json': {
      schema: {
        type: 'object',
        properties: {
          status: { type: 'integer' },
          detail: { type: 'string' },
          errors: {
            type: 'array',
            items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } },
          },
        },
      },
    },
  },
};

const json = (description: string) => ({
  description,
  content: { 'application/json': { schema: { type: 'object' } } },
});

export type ApiOperation = {
  path: string;
  summary: ApiDocsKey;
  description?: { key: ApiDocsKey; params: Record<string, string | number> };
  parameters: Parameter[];
  responses: Record<string, unknown>;
};

const formatted = (params: Record<string, string | number>, lang: Language) =>
  Object.fromEntries(
    Object.entries(params).map(([name, value]) => [
      name,
      typeof value === 'number' ? new Intl.NumberFormat(lang).format(value) : value,
    ]),
  );

/** An operation with its words in one language, as the page and the OpenAPI document show it. */
export function describeOperation(op: ApiOperation, lang: Language) {
  const t = apiDocsText(lang);
  return {
    path: op.path,
    summary: t(op.summary),
    description: op.description ? t(op.description.key, formatted(op.description.params, lang)) : undefined,
    parameters: op.parameters.map((p) => ({
      ...p,
      ...(p.description ? { description: t(p.description) } : {}),
    })),
    responses: op.responses,
  };
}

/** The OpenAPI 3.1 document of /api/v1 (descriptions in English), built from the operations the routes declare. */
export function openApiDocument(operations: ApiOperation[], serverUrl = '/') {
  const paths: Record<string, unknown> = {};
  for (const op of operations.map((operation) => describeOperation(operation, 'en'))) {
    paths[op.path] = {
      get: {
        summary: op.summary,
        ...(op.description ? { description: op.description } : {}),
        parameters: op.parameters,
        responses: op.responses,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'ipcoop open data API',
      version: '1',
      description:
        'Technical cooperation activities in intellectual property reported under Article 67 of the TRIPS Agreement. Read-only, no key needed, CORS open for GET. Identifiers are stable.',
    },
    servers: [{ url: serverUrl }],
    paths,
  };
}

export const responses = { json, problem, notFound: { description: 'No such record' }, pathId };
