import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePeriod } from '../../calendar/period.js';
import { generate } from '../../../bench/indicators.js';
import { buildIndicatorInput } from '../input.js';
import { INDICATORS } from '../registry.js';
import { DEFAULT_SETTINGS } from '../settings.js';
import { runIndicator } from './run-indicator.js';

const input = buildIndicatorInput(generate(600));

test('every registered indicator: numerator and denominator equal its member list (--members contract)', () => {
  for (const period of ['2021-22-Q3', '2021-22-Q4']) {
    for (const def of INDICATORS) {
      const c = runIndicator(def, input, parsePeriod(period), def.basis, DEFAULT_SETTINGS);
      if (c.status !== 'ok') continue;
      const inNumerator = c.members.filter((m) => m.inNumerator).length;
      assert.equal(c.numerator, inNumerator, `${def.id} ${period}: numerator vs members in numerator`);
      if (c.denominator !== null) {
        assert.equal(c.denominator, c.members.length, `${def.id} ${period}: denominator vs members`);
      }
    }
  }
});

test('every registered indicator is deterministic and independent of record order', () => {
  const reversed = buildIndicatorInput({
    ...input.data,
    referrals: [...input.data.referrals].reverse(),
    episodes: [...input.data.episodes].reverse(),
    cpPlans: [...input.data.cpPlans].reverse(),
    contacts: [...input.data.contacts].reverse(),
    cpVisits: [...input.data.cpVisits].reverse(),
    allocations: [...input.data.allocations].reverse(),
  });
  for (const def of INDICATORS) {
    const p = parsePeriod('2021-22-Q3');
    const a = JSON.stringify(runIndicator(def, input, p, def.basis, DEFAULT_SETTINGS));
    const b = JSON.stringify(runIndicator(def, reversed, p, def.basis, DEFAULT_SETTINGS));
    if (a !== b) {
      let i = 0;
      while (a[i] === b[i]) i++;
      assert.fail(
        `${def.id} depends on record order near: ${a.slice(Math.max(0, i - 120), i + 60)} | ${b.slice(Math.max(0, i - 120), i + 60)}`,
      );
    }
  }
});

test('flow indicators: the quarters’ in-period figures add up to the year to date', () => {
  // Every measure counting events (referrals, decisions, assessments, conferences, plan starts and ends,
  // dues) by one date in the window; cic-missing counts children, who may appear in several quarters.
  const flows = INDICATORS.filter(
    (d) => d.bases.includes('in-period') && d.bases.includes('ytd') && d.id !== 'cic-missing',
  );
  assert.ok(flows.length >= 10);
  for (const def of flows) {
    const ytd = runIndicator(def, input, parsePeriod('2021-22-Q3'), 'ytd', DEFAULT_SETTINGS);
    if (ytd.status !== 'ok') continue;
    let num = 0;
    let den = 0;
    for (const q of ['2021-22-Q1', '2021-22-Q2', '2021-22-Q3']) {
      const c = runIndicator(def, input, parsePeriod(q), 'in-period', DEFAULT_SETTINGS);
      num += c.numerator;
      den += c.denominator ?? 0;
    }
    assert.equal(den, ytd.denominator, `${def.id}: denominators`);
    assert.equal(num, ytd.numerator, `${def.id}: numerators`);
  }
});
