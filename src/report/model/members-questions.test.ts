import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BreakdownRow } from '../../indicators/types.js';
import { darlingtonReport } from '../fixtures/darlington-q3-2021-22.js';
import { FAKE_CATALOGUE } from '../fixtures/fake-catalogue.js';
import { buildRenderModel } from './build-render-model.js';
import type { AppendixFigure, MembersQuestionsFigures } from './members-questions-figures.js';
import { breakdownName } from './breakdown-name.js';
import type { Table } from './render-model.js';
import { defaultReportOptions } from './report-options.js';

const row = (key: string, label: string, n: number, d: number): BreakdownRow => ({
  key,
  label,
  numerator: n,
  denominator: d,
  value: Math.round((n / d) * 1000) / 10,
});

const fig = (
  period: string,
  basis: 'in-period' | 'ytd',
  numerator: number,
  denominator: number,
  breakdowns: Record<string, BreakdownRow[]> = {},
  extra: Record<string, number> = {},
): AppendixFigure => ({ period, basis, status: 'ok', numerator, denominator, breakdowns, extra });

const FIGURES: MembersQuestionsFigures = {
  referralSources: {
    current: fig('2021-22-Q3', 'in-period', 40, 200, {
      source: [row('2A', 'Schools', 40, 200), row('6', 'Police', 157, 200), row('9', 'Anonymous', 3, 200)],
    }),
    lastYear: fig('2020-21-Q3', 'in-period', 30, 150, {
      source: [row('2A', 'Schools', 30, 150), row('6', 'Police', 120, 150), row('9', 'Anonymous', 0, 150)],
    }),
  },
  decisionTimeliness: {
    quarter: fig('2021-22-Q3', 'in-period', 60, 80, {
      timeliness: [
        row('1', 'Within 1 working day', 60, 80),
        row('3', 'Over 1 and up to 3', 14, 80),
        row('4', 'Over 3', 6, 80),
      ],
    }),
    yearToDate: fig('2021-22-Q3', 'ytd', 180, 240, {
      timeliness: [
        row('1', 'Within 1 working day', 180, 240),
        row('3', 'Over 1 and up to 3', 40, 240),
        row('4', 'Over 3', 20, 240),
      ],
    }),
  },
  missing: {
    current: fig(
      '2021-22-Q3',
      'in-period',
      24,
      281,
      {},
      {
        percent: 8.5,
        episodes: 50,
        childrenWith3PlusEpisodes: 6,
        stillMissing: 1,
        awayChildren: 10,
        awayEpisodes: 15,
        awayStillMissing: 0,
      },
    ),
    lastYear: fig(
      '2020-21-Q3',
      'in-period',
      20,
      270,
      {},
      {
        percent: 7.4,
        episodes: 33,
        childrenWith3PlusEpisodes: 2,
        stillMissing: 2,
        awayChildren: 11,
        awayEpisodes: 15,
        awayStillMissing: 1,
      },
    ),
  },
};

function tableOf(pub: boolean, id: string): Table {
  const model = buildRenderModel(
    darlingtonReport(),
    FAKE_CATALOGUE,
    defaultReportOptions({ public: pub, membersQuestions: FIGURES }),
  );
  for (const s of model.sections)
    for (const b of s.blocks) if (b.kind === 'table' && b.table.id === id) return b.table;
  throw new Error(`no table ${id}`);
}

const texts = (t: Table) => t.rows.map((r) => r.map((c) => c.text));

test('Appendix B: referrals by source this quarter and the same quarter last year, from the engine runs', () => {
  const t = tableOf(false, 'referrals-by-source');
  assert.deepEqual(t.columns.map((c) => c.label).slice(1, 5), [
    'Referrals Q3 2021/22',
    '% Q3 2021/22',
    'Referrals Q3 2020/21',
    '% Q3 2020/21',
  ]);
  assert.deepEqual(texts(t)[0], ['Schools', '40', '20.0%', '30', '20.0%', '19.9%']);
  assert.deepEqual(texts(t).at(-1), ['All referrals', '200', '100.0%', '150', '100.0%', '100.0%']);
});

test('Appendix B: missing children, episodes, away, 3+ and still missing, this quarter and last year', () => {
  const rows = texts(tableOf(false, 'missing-episodes'));
  assert.deepEqual(
    rows.map((r) => r.slice(1)),
    [
      ['281', '270'],
      ['24', '20'],
      ['8.5%', '7.4%'],
      ['50', '33'],
      ['6', '2'],
      ['1', '2'],
      ['10', '11'],
      ['15', '15'],
      ['0', '1'],
    ],
  );
  assert.ok(!rows.flat().includes('Not available'));
});

test('Appendix B: decision timeliness bands for the quarter and the year to date', () => {
  assert.deepEqual(texts(tableOf(false, 'decision-timeliness')), [
    ['Within 1 working day', '60', '75.0%', '180', '75.0%'],
    ['Over 1 and up to 3', '14', '17.5%', '40', '16.7%'],
    ['Over 3', '6', '7.5%', '20', '8.3%'],
    ['All referral decisions', '80', '100.0%', '240', '100.0%'],
  ]);
});

test('Appendix B, public version: small cells hidden, with a second cell so none can be worked out', () => {
  const sources = texts(tableOf(true, 'referrals-by-source'));
  // Anonymous (3) is small; the next smallest non-zero cell, schools (40), is hidden too (report.md §6),
  // as "Not shown": 40 is not "fewer than 6".
  assert.equal(sources[2]![1], '<6');
  assert.equal(sources[0]![1], 'Not shown');
  assert.equal(sources[1]![1], '157');
  const missing = texts(tableOf(true, 'missing-episodes'));
  assert.deepEqual(missing[5]!.slice(1), ['<6', '<6']);
  assert.deepEqual(missing[8]!.slice(1), ['0', '<6']);
});

test('breakdown keys read as words', () => {
  assert.equal(breakdownName('distanceBand'), 'distance from home');
  assert.equal(breakdownName('episodesPerChild'), 'episodes per child');
});

test('Appendix B: a section whose figures were not supplied is its heading and a sentence saying why', () => {
  const none = (period: string, basis: 'in-period' | 'ytd'): AppendixFigure => ({
    ...fig(period, basis, 0, 0),
    status: 'not-available',
  });
  const model = buildRenderModel(
    darlingtonReport(),
    FAKE_CATALOGUE,
    defaultReportOptions({
      public: false,
      membersQuestions: {
        referralSources: { current: none('2021-22-Q3', 'in-period'), lastYear: null },
        decisionTimeliness: {
          quarter: none('2021-22-Q3', 'in-period'),
          yearToDate: none('2021-22-Q3', 'ytd'),
        },
        missing: { current: none('2021-22-Q3', 'in-period'), lastYear: null },
      },
    }),
  );
  const blocks = model.sections.flatMap((s) => s.blocks);
  const after = (heading: string) => {
    const i = blocks.findIndex((b) => b.kind === 'heading' && b.text === heading);
    assert.ok(i >= 0, heading);
    return blocks[i + 1];
  };
  assert.deepEqual(after('Referrals by source'), {
    kind: 'paragraph',
    text: 'Referrals by source are not available for this period: the CIN census referrals were not supplied.',
  });
  assert.deepEqual(after('Missing episodes of children in care'), {
    kind: 'paragraph',
    text: 'Missing episodes are not available for this period: the SSDA903 episodes or missing tables were not supplied.',
  });
  assert.deepEqual(after('Referral decision timeliness'), {
    kind: 'paragraph',
    text: 'Referral decision timeliness is not available for this period: the contacts file was not supplied.',
  });
});
