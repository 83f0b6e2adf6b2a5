import { ran, type Rule, type RuleHit, episodeRecords } from '../rule.js';
import { ukDate } from '../../ingest/parse-date.js';

/** 903-EP-24H (inputs.md §6; DfE 355): an episode ends the day it starts (DEC = DECOM). Query. */
export const ssda903Ep24h: Rule = {
  code: '903-EP-24H',
  severity: 'query',
  dfeRule: '355',
  sources: ['ssda903'],
  tables: ['episodes'],
  fields: ['DECOM', 'DEC'],
  message: 'An episode ends on the day it starts.',
  check: (ctx) =>
    ran(
      (episodeRecords(ctx.tables.episodes) ?? [])
        .filter((e) => e.dec !== null && e.dec === e.decom)
        .map((e): RuleHit => ({
          table: 'episodes',
          record: e,
          field: 'DEC',
          value: ukDate(e.dec!),
          message: `the episode starts and ends on ${ukDate(e.decom)} (check it lasted under 24 hours)`,
        })),
    ),
};
