import { formatAsSet, formatCount, perCent } from '../model/format.js';
import type { NarrativeInput, NarrativeSettings } from './narrative-input.js';

type Judgement = 'in line with' | 'above' | 'below';

function judge(input: NarrativeInput, other: number): Judgement {
  const r = input.result;
  const v = r.value!;
  if (r.ci95) {
    if (other >= r.ci95[0] && other <= r.ci95[1]) return 'in line with';
  } else if (v === other) return 'in line with';
  return v > other ? 'above' : 'below';
}

/**
 * The {benchmark} clause of report.md §5, only when a statistical-neighbour average is loaded (or the
 * `englandWithoutSn` option is on), with the England figure only when like-for-like:
 * ", in line with statistical neighbours (9.5 per cent) and the national average (10 per cent)".
 * "In line with" means the other figure lies inside this figure's 95% interval (report.md §4).
 * @example benchmarkClause(placements3plus, settings) //=> ', in line with statistical neighbours (9.5 per cent) and the national average (10 per cent)'
 */
export function benchmarkClause(input: NarrativeInput, settings: NarrativeSettings): string {
  const r = input.result;
  if (r.value === null) return '';
  const sn = r.comparators[settings.snKey] ?? null;
  const eng = r.england && r.england.likeForLike && r.unit === 'percent' ? r.england.value : null;
  if (sn === null && !(settings.englandWithoutSn && eng !== null)) return '';
  const parts: { word: Judgement; text: string }[] = [];
  if (sn !== null) {
    const text = r.unit === 'percent' ? perCent(sn) : formatCount(sn);
    parts.push({ word: judge(input, sn), text: `statistical neighbours (${text})` });
  }
  if (eng !== null)
    parts.push({ word: judge(input, eng), text: `the national average (${formatAsSet(eng)} per cent)` });
  if (parts.length === 1) return `, ${parts[0]!.word} ${parts[0]!.text}`;
  const [a, b] = parts as [{ word: Judgement; text: string }, { word: Judgement; text: string }];
  return a.word === b.word
    ? `, ${a.word} ${a.text} and ${b.text}`
    : `, ${a.word} ${a.text} and ${b.word} ${b.text}`;
}
