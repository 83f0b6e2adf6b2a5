import type { Basis } from '../../calendar/period.js';
import { parsePeriod, periodShortLabel } from '../../calendar/period.js';
import type { Direction, Polarity, Rag, ServiceArea, Unit } from '../../indicators/types.js';

/**
 * Display formats of report.md §3–§4: percentages to one decimal, counts with thousands separators,
 * RAG as symbol and word, direction as arrow and word.
 */

/** @example formatCount(82170) //=> '82,170' */
export function formatCount(n: number): string {
  return COUNT_FORMAT.format(n);
}

/** One formatter, made once: `toLocaleString` builds a new one on every call, which is slow. */
const COUNT_FORMAT = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** @example formatPercent(80) //=> '80.0%' */
export function formatPercent(v: number): string {
  return `${v.toFixed(1)}%`;
}

/** A value in its unit: '80.0%' or '271'. */
export function formatValue(unit: Unit, v: number): string {
  return unit === 'percent' ? formatPercent(v) : formatCount(v);
}

/** Targets as set: '90%', '5.5%'. */
export function formatTargetNumber(unit: Unit, v: number): string {
  return unit === 'percent' ? `${Number.isInteger(v) ? v : v.toFixed(1)}%` : formatCount(v);
}

/**
 * A tolerance in points without trailing zeros, to the thousandth the rating holds it in (engine/rag.ts):
 * 9 → '9', 1.8 → '1.8', 2.27 → '2.27' (10% of 22.7; never '2.3', which would promise Amber for a shortfall
 * of 2.3, Red).
 */
export function formatPoints(v: number): string {
  return String(Math.round(v * 1000) / 1000);
}

export const BASIS_LABELS: Readonly<Record<Basis, string>> = {
  'in-period': 'Quarter',
  ytd: 'Year to date',
  snapshot: 'At period end',
  'rolling-12m': 'Rolling 12 months',
  annual: 'Annual',
};

export const SERVICE_AREA_LABELS: Readonly<Record<ServiceArea, string>> = {
  'front-door': 'Front door',
  assessment: 'Assessment',
  'child-protection': 'Child protection',
  'children-in-care': 'Children in care',
  'care-leavers': 'Care leavers',
};

export const SERVICE_AREAS = Object.keys(SERVICE_AREA_LABELS) as ServiceArea[];

export const GOOD_IS: Readonly<Record<Polarity, string>> = { higher: 'High', lower: 'Low', none: '–' };

/** RAG display: symbol, word and the full key text (report.md §4). */
export const RAG_DISPLAY: Readonly<
  Record<Rag | 'none', { readonly symbol: string; readonly word: string; readonly text: string }>
> = {
  green: { symbol: '●', word: 'Green', text: 'on target' },
  amber: { symbol: '▲', word: 'Amber', text: 'within tolerance' },
  red: { symbol: '■', word: 'Red', text: 'outside tolerance' },
  none: { symbol: '–', word: 'Not rated', text: '' },
};

/** Direction display: arrow for the movement, word for the judgement. */
export function directionDisplay(
  d: Direction,
  movement: 'up' | 'down' | 'same',
): { readonly arrow: string; readonly word: string; readonly judgement: 'good' | 'bad' | 'neutral' } {
  const arrow = movement === 'up' ? '↑' : movement === 'down' ? '↓' : '↔';
  switch (d) {
    case 'improved':
      return { arrow, word: 'Improved', judgement: 'good' };
    case 'worsened':
      return { arrow, word: 'Worsened', judgement: 'bad' };
    case 'no-significant-change':
      return { arrow: '↔', word: 'No significant change', judgement: 'neutral' };
    case 'no-change':
      return { arrow: '↔', word: 'No change', judgement: 'neutral' };
    case 'up':
      return { arrow: '↑', word: 'Up', judgement: 'neutral' };
    case 'down':
      return { arrow: '↓', word: 'Down', judgement: 'neutral' };
  }
}

/** 'Q3 2021/22' for a period id; the id itself if it does not parse. */
export function shortPeriod(id: string): string {
  try {
    return periodShortLabel(parsePeriod(id));
  } catch {
    return id;
  }
}
