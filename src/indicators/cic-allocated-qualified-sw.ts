import { allocationSources, computeCicAllocation } from './lib/cic-allocation.js';
import type { IndicatorDefinition } from './types.js';

/** Children in Care allocated a qualified social worker (indicators.md §2 cic-allocated-qualified-sw). */
export const indicator: IndicatorDefinition = {
  id: 'cic-allocated-qualified-sw',
  title: 'Children in Care allocated a qualified social worker',
  unit: 'percent',
  polarity: 'higher',
  serviceArea: 'children-in-care',
  basis: 'snapshot',
  bases: ['snapshot'],
  frequency: 'quarterly',
  specSection: 'indicators.md §2 cic-allocated-qualified-sw; §1.8 qualified social worker',
  definitionVersion: '1',
  definition: {
    summary:
      'The percentage of Children in Care at the end of the period whose allocated social worker was qualified (registered with Social Work England).',
    numerator:
      'Children in the denominator with a social-worker allocation open at the end of the period whose worker is recorded as qualified. With several open allocations, one qualified worker is enough. A worker missing from the workers list counts as not qualified. With SSDA903 SWEpisodes, the worker id must be a Social Work England registration number (beginning "SW").',
    denominator: 'Children looked after at the end of the last day of the period.',
    exclusions:
      'Short breaks (legal status V3 or V4). Unaccompanied asylum-seeking children are included unless the "excluding UASC" setting is on.',
    why: 'Care planning for children in care is statutory social work and must be led by a registered social worker.',
    comparability: 'A local measure: no national figure is published.',
  },
  sources: ['episodes', 'allocations', 'workers'],
  // Its children are some of those allocated a social worker, of the same cohort (the public version checks
  // the difference: children whose worker is not qualified).
  nestedIn: { indicator: 'cic-allocated-sw', by: 'numerator' },
  sourcesUnder: (settings) => allocationSources(settings, 'qualified'),
  target: { value: 100, kind: 'local' },
  england: null,
  directionComparator: 'previous',
  narrative: {
    subject: 'of [[CiC]] had been allocated a qualified social worker',
    zeroPhrase: 'No [[CiC]] had been allocated a qualified social worker {when}',
  },
  compute: (input, ctx) => computeCicAllocation(input, ctx, 'qualified'),
};
