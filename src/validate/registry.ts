import type { Rule } from './rule.js';
import { rules2017_18 } from './years/2017-18.js';
import { rules2018_19 } from './years/2018-19.js';
import { rules2019_20 } from './years/2019-20.js';
import { rules2020_21 } from './years/2020-21.js';
import { rules2021_22 } from './years/2021-22.js';
import { rules2022_23 } from './years/2022-23.js';
import { rules2023_24 } from './years/2023-24.js';
import { rules2024_25 } from './years/2024-25.js';
import { rules2025_26 } from './years/2025-26.js';
import { rules2026_27 } from './years/2026-27.js';
import type { SourceKind } from '../model/source.js';

/** Each collection year's rule set (style.md: the previous year's plus or minus changes). */
export const RULES_BY_YEAR: Readonly<Record<string, readonly Rule[]>> = {
  '2017-18': rules2017_18,
  '2018-19': rules2018_19,
  '2019-20': rules2019_20,
  '2020-21': rules2020_21,
  '2021-22': rules2021_22,
  '2022-23': rules2022_23,
  '2023-24': rules2023_24,
  '2024-25': rules2024_25,
  '2025-26': rules2025_26,
  '2026-27': rules2026_27,
};

/**
 * The rules that apply to a source's submission in a collection year, in order; null when the year has no
 * rule set (the importer reports `S-YEAR`).
 * @example rulesFor('cin', '2021-22')?.some((r) => r.code === 'CIN-CPP-ORDER') //=> true
 */
export function rulesFor(source: SourceKind, year: string): readonly Rule[] | null {
  const rules = RULES_BY_YEAR[year];
  return rules ? rules.filter((r) => r.sources.includes(source)) : null;
}
