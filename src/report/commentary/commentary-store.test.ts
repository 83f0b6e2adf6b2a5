import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testStores } from '../../store/test-stores.js';
import type { IndicatorReport } from '../../indicators/types.js';
import type { CommentaryEntry } from './commentary.js';
import {
  addCommentary,
  commentaryHistory,
  type FigureUnder,
  latestCommentary,
  staleCommentary,
} from './commentary-store.js';

const ENTRY: CommentaryEntry = {
  id: 'assessments-45wd',
  text: 'Two posts recruited.',
  mode: 'follow',
  section: null,
  reason: null,
  action: { what: 'Weekly tracking', who: 'Service manager', byWhen: 'March 2022' },
  outsideControl: true,
  scorecard: 'Recovery plan',
  internal: false,
};
const FIGURE: FigureUnder = { status: 'ok', value: 80, numerator: 160, denominator: 200 };

/** A report holding assessments-45wd at 160/200 (80%), or the numerator given. */
function reportWith(numerator: number): IndicatorReport {
  return {
    la: '841',
    period: { id: '2021-22-Q3', start: '2021-10-01', end: '2021-12-31' },
    indicators: [
      { id: 'assessments-45wd', status: 'ok', value: (numerator / 200) * 100, numerator, denominator: 200 },
    ],
  } as unknown as IndicatorReport;
}

for (const store of testStores()) {
  test(
    `commentary on ${store.name}: edits are kept newest first, the newest is in force, and the table refuses UPDATE, DELETE (and TRUNCATE)`,
    { skip: store.skip },
    async () => {
      const { db, cleanup } = await store.open();
      try {
        const base = { la: '841', period: '2021-22-Q3', indicatorId: 'assessments-45wd', figure: FIGURE };
        const t0 = new Date('2026-11-29T10:00:00Z');
        await addCommentary(db, { ...base, kind: 'edit', writtenBy: 'jo', entry: ENTRY }, t0);
        // Same millisecond: the id's sequence still orders it after the first.
        await addCommentary(
          db,
          { ...base, kind: 'edit', writtenBy: 'sam', entry: { ...ENTRY, text: 'Second.', internal: true } },
          t0,
        );
        await addCommentary(
          db,
          {
            ...base,
            indicatorId: 'icpc-15wd',
            kind: 'edit',
            writtenBy: 'jo',
            entry: { ...ENTRY, id: 'icpc-15wd' },
          },
          new Date('2026-11-29T09:00:00Z'),
        );
        await addCommentary(db, { ...base, la: '840', kind: 'edit', writtenBy: 'x', entry: ENTRY }, t0);

        const history = await commentaryHistory(db, '841', '2021-22-Q3', 'assessments-45wd');
        assert.deepEqual(
          history.map((h) => [h.writtenBy, h.entry.text, h.entry.internal]),
          [
            ['sam', 'Second.', true],
            ['jo', 'Two posts recruited.', false],
          ],
        );
        assert.deepEqual(history[1]!.entry, ENTRY, 'every field round-trips');
        assert.deepEqual(history[1]!.figure, FIGURE);
        const all = await commentaryHistory(db, '841', '2021-22-Q3');
        assert.deepEqual(
          all.map((h) => h.indicatorId),
          ['assessments-45wd', 'assessments-45wd', 'icpc-15wd'],
          "newest first; another LA's commentary is not read",
        );
        const inForce = latestCommentary(all, 'jo');
        assert.deepEqual(Object.keys(inForce.entries).sort(), ['assessments-45wd', 'icpc-15wd']);
        assert.equal(inForce.entries['assessments-45wd']!.text, 'Second.');

        await assert.rejects(db.run("UPDATE commentary SET text = 'rewritten'"), /append-only/);
        await assert.rejects(db.run('DELETE FROM commentary'), /append-only/);
        if (db.kind === 'postgres') await assert.rejects(db.run('TRUNCATE commentary'), /append-only/);
        assert.equal((await commentaryHistory(db, '841', '2021-22-Q3')).length, 3);
      } finally {
        await cleanup();
      }
    },
  );
}

test('commentary is stale when the figure under it changed (status, value, numerator or denominator), until confirmed', () => {
  const rec = (figure: FigureUnder, kind: 'edit' | 'confirm' = 'edit') => ({
    id: kind,
    la: '841',
    period: '2021-22-Q3',
    indicatorId: 'assessments-45wd',
    kind,
    writtenBy: 'jo',
    writtenAt: '2026-11-29T10:00:00.000Z',
    entry: ENTRY,
    figure,
  });
  assert.deepEqual(staleCommentary([rec(FIGURE)], reportWith(160)), []);
  assert.deepEqual(staleCommentary([rec(FIGURE)], reportWith(159)), ['assessments-45wd']);
  const moved: FigureUnder = { status: 'ok', value: 79.5, numerator: 159, denominator: 200 };
  assert.deepEqual(staleCommentary([rec(moved, 'confirm'), rec(FIGURE)], reportWith(159)), []);
  // An indicator no longer in the report: its commentary cannot be checked, so it is stale.
  const empty = { ...reportWith(160), indicators: [] } as IndicatorReport;
  assert.deepEqual(staleCommentary([rec(FIGURE)], empty), ['assessments-45wd']);
  // A cleared entry says nothing, so nothing is stale.
  const cleared = {
    ...rec(FIGURE),
    entry: { ...ENTRY, text: null, action: null, outsideControl: false, scorecard: null },
  };
  assert.deepEqual(staleCommentary([cleared], reportWith(159)), []);
});
