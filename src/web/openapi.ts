/**
 * The OpenAPI 3 description of the JSON API, served at /api/openapi.json. Authentication is the
 * dashboard's session cookie; permissions are the pages' (members, and accounts with no LA on a store
 * holding more than one LA, get public values only and 403 for child-level data).
 */
export function openApiDocument(): Record<string, unknown> {
  const la = {
    name: 'la',
    in: 'query',
    required: false,
    description: "DfE LA code; defaults to the user's LA.",
    schema: { type: 'string', example: '841' },
  };
  const period = {
    name: 'period',
    in: 'query',
    required: false,
    description: 'Quarter id; defaults to the latest.',
    schema: { type: 'string', pattern: '^\\d{4}-\\d{2}-Q[1-4]$', example: '2021-22-Q3' },
  };
  const view = {
    name: 'view',
    in: 'query',
    required: false,
    description: 'public (suppressed) or full; members always get public.',
    schema: { type: 'string', enum: ['full', 'public'] },
  };
  const id = {
    name: 'id',
    in: 'path',
    required: true,
    description: 'Indicator id from the catalogue.',
    schema: { type: 'string', example: 'assessments-45wd' },
  };
  const error = { $ref: '#/components/schemas/Error' };
  const errors = {
    '401': { description: 'Not signed in.', content: { 'application/json': { schema: error } } },
    '403': {
      description:
        'The role lacks the permission, or the LA is not the user’s; on a store holding more than one LA, an account with no LA gets public values and 403 for child-level data.',
      content: { 'application/json': { schema: error } },
    },
    '404': {
      description: 'Unknown LA, period or indicator.',
      content: { 'application/json': { schema: error } },
    },
  };
  const nullableNumber = { type: 'number', nullable: true };
  return {
    openapi: '3.0.3',
    info: {
      title: 'cspi dashboard API',
      version: '1.0.0',
      description:
        "Children's services performance indicators for one LA and quarter: the scorecard, one indicator, and the child-level members behind a figure (a download: roles with child-level:export only; every call is audited).",
    },
    servers: [{ url: '/api' }],
    security: [{ session: [] }],
    paths: {
      '/scorecard': {
        get: {
          summary: 'Every indicator for an LA and period',
          operationId: 'getScorecard',
          parameters: [la, period, view],
          responses: {
            '200': {
              description: 'The scorecard.',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Scorecard' } } },
            },
            ...errors,
          },
        },
      },
      '/indicators/{id}': {
        get: {
          summary: 'One indicator with its definition, trend and comparators',
          operationId: 'getIndicator',
          parameters: [id, la, period, view],
          responses: {
            '200': {
              description: 'The indicator.',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/IndicatorPage' } } },
            },
            ...errors,
          },
        },
      },
      '/indicators/{id}/members': {
        get: {
          summary: 'The child-level rows behind the numerator and denominator',
          description:
            'Requires child-level:export: the list as JSON is a download of it, like the CSV (report.md §9). Child ids are pseudonymised unless the role has child-level:identifiable. Every call is written to the audit log as an export.',
          operationId: 'getMembers',
          parameters: [id, la, period],
          responses: {
            '200': {
              description: 'The members.',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Members' } } },
            },
            ...errors,
          },
        },
      },
    },
    components: {
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'cspi-session',
          description: 'Session cookie from signing in (`__Host-cspi-session` behind https).',
        },
      },
      schemas: {
        Error: {
          type: 'object',
          required: ['error', 'message'],
          properties: { error: { type: 'string' }, message: { type: 'string' } },
        },
        Figure: {
          type: 'object',
          properties: {
            period: { type: 'string' },
            value: nullableNumber,
            numerator: nullableNumber,
            denominator: nullableNumber,
            status: { type: 'string', enum: ['ok', 'not-available', 'annual-only', 'no-eligible-cases'] },
            suppressed: { type: 'boolean' },
          },
        },
        Indicator: {
          type: 'object',
          required: ['id', 'title', 'unit', 'polarity', 'basis', 'status', 'suppressed'],
          properties: {
            id: { type: 'string' },
            title: { type: 'string' },
            unit: { type: 'string', enum: ['percent', 'count'] },
            polarity: { type: 'string', enum: ['higher', 'lower', 'none'] },
            basis: { type: 'string', enum: ['in-period', 'ytd', 'snapshot', 'rolling-12m', 'annual'] },
            serviceArea: {
              type: 'string',
              enum: ['front-door', 'assessment', 'child-protection', 'children-in-care', 'care-leavers'],
            },
            value: { ...nullableNumber, description: 'Rounded display value: one decimal for percentages.' },
            numerator: nullableNumber,
            denominator: nullableNumber,
            ci95: { type: 'array', nullable: true, items: { type: 'number' }, minItems: 2, maxItems: 2 },
            target: nullableNumber,
            targetKind: { type: 'string', nullable: true, enum: ['national', 'local'] },
            tolerance: nullableNumber,
            bounds: {
              type: 'object',
              description:
                'Only under the thresholds rating scheme (then tolerance is null): Green up to the amber bound, Amber up to the red bound, Red beyond.',
              properties: { amber: { type: 'number' }, red: { type: 'number' } },
              required: ['amber', 'red'],
            },
            inLineBand: {
              type: 'number',
              description: 'Only when the LA set this indicator\'s own "in line with" band, in points.',
            },
            rag: { type: 'string', nullable: true, enum: ['green', 'amber', 'red'] },
            direction: {
              type: 'string',
              nullable: true,
              enum: ['improved', 'worsened', 'no-significant-change', 'no-change', 'up', 'down'],
            },
            previous: { $ref: '#/components/schemas/Figure' },
            lastYear: { $ref: '#/components/schemas/Figure' },
            trend: { type: 'array', items: { $ref: '#/components/schemas/Figure' } },
            england: {
              type: 'object',
              nullable: true,
              properties: {
                value: { type: 'number' },
                text: { type: 'string' },
                year: { type: 'string' },
                publisher: { type: 'string' },
                likeForLike: { type: 'boolean' },
              },
            },
            status: { type: 'string', enum: ['ok', 'not-available', 'annual-only', 'no-eligible-cases'] },
            suppressed: {
              type: 'boolean',
              description:
                "Public view: the figure relates to 1 to k children (the LA settings' suppression.k, default 5) and is withheld.",
            },
          },
        },
        Scorecard: {
          type: 'object',
          properties: {
            la: { type: 'object', properties: { code: { type: 'string' }, name: { type: 'string' } } },
            period: {
              type: 'object',
              properties: {
                id: { type: 'string' },
                start: { type: 'string', format: 'date' },
                end: { type: 'string', format: 'date' },
              },
            },
            dataset: {
              type: 'object',
              properties: {
                id: { type: 'string' },
                hash: { type: 'string' },
                asAt: { type: 'string', format: 'date', nullable: true },
              },
            },
            visibility: { type: 'string', enum: ['full', 'public'] },
            ragCounts: {
              type: 'object',
              properties: {
                green: { type: 'integer' },
                amber: { type: 'integer' },
                red: { type: 'integer' },
                none: { type: 'integer' },
                rated: { type: 'integer' },
              },
            },
            indicators: { type: 'array', items: { $ref: '#/components/schemas/ScorecardIndicator' } },
          },
        },
        ScorecardIndicator: {
          allOf: [
            { $ref: '#/components/schemas/Indicator' },
            {
              type: 'object',
              properties: {
                commentary: {
                  type: 'object',
                  nullable: true,
                  description:
                    "Officers only (roles that draft reports); absent for members, who read commentary in published papers. The officers' commentary in force, as the scorecard page's Commentary column shows it: null when no entry is in force in this view (the public view never shows an internal entry).",
                  required: ['text', 'stale'],
                  properties: {
                    text: {
                      type: 'string',
                      description: "The entry's scorecard text ('' when it has none).",
                    },
                    stale: {
                      type: 'boolean',
                      description:
                        'The figure under it has changed since it was written or last confirmed (report.md §5 "Editing").',
                    },
                  },
                },
              },
            },
          ],
        },
        IndicatorPage: {
          type: 'object',
          properties: {
            visibility: { type: 'string', enum: ['full', 'public'] },
            definition: { type: 'object', additionalProperties: { type: 'string' } },
            indicator: { $ref: '#/components/schemas/Indicator' },
          },
        },
        Members: {
          type: 'object',
          properties: {
            la: { type: 'string' },
            period: { type: 'string' },
            indicator: { type: 'string' },
            datasetVersion: { type: 'string' },
            identifiable: { type: 'boolean' },
            members: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  child: { type: 'string', description: 'Child id, or a pseudonym P-XXXXXXXXXX.' },
                  dob: { type: 'string', format: 'date', nullable: true },
                  inNumerator: { type: 'boolean' },
                  dates: {
                    type: 'object',
                    additionalProperties: { type: 'string', format: 'date', nullable: true },
                  },
                  reason: { type: 'string' },
                },
              },
            },
          },
        },
      },
    },
  };
}
