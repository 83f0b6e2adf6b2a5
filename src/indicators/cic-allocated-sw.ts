import { allocationSources, computeCicAllocation } from './lib/cic-allocation.js';
import type { IndicatorDefinition } from './types.js';
import { cicAllocatedSwFromList8 } from './annex-a/cic-allocated-sw-from-list-8.js';

/** Children in Care with an allocated social worker (indicators.md §2 cic-allocated-sw). */
export const indicator: IndicatorDefinition = {
  id: 'cic-allocated-sw',
  title: 'Children in Care with an allocated social worker',
  unit: 'percent',
  polarity: 'higher',
  serviceArea: 'children-in-care',
  basis: 'snapshot',
  bases: ['snapshot'],
  frequency: 'quarterly',
  specSection: 'indicators.md §2 cic-allocated-sw; §1.4, §1.5',
  definitionVersion: '1',
  definition: {
    summary:
      'The percentage of Children in Care at the end of the period who had an allocated social worker.',
    numerator:
      'Children in the denominator with a social-worker allocation open at the end of the period: it started on or before that day and had not ended before it. Team-only and other-role allocations do not count. From 2023-24 the SSDA903 SWEpisodes table can be used instead.',
    denominator:
      'Children looked after at the end of the last day of the period (SSDA903 episodes; a child who ceased that day is not counted).',
    exclusions:
      'Short breaks (legal status V3 or V4). Unaccompanied asylum-seeking children are included unless the "excluding UASC" setting is on.',
    why: 'Every child in care must have a named social worker responsible for their care plan.',
    comparability: 'A local measure: no national figure is published.',
  },
  sources: ['episodes', 'allocations'],
  sourcesUnder: (settings) => allocationSources(settings, 'allocated'),
  annexA: cicAllocatedSwFromList8,
  target: { value: 100, kind: 'local' },
  england: null,
  directionComparator: 'previous',
  narrative: {
    subject: 'of [[CiC]] had an allocated social worker',
    zeroPhrase: 'No [[CiC]] had an allocated social worker {when}',
    narrativeGroup: 'allocation',
  },
  compute: (input, ctx) => computeCicAllocation(input, ctx, 'allocated'),
};
