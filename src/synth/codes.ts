/**
 * Year-dependent spellings of codes the generator writes (inputs.md §2.2, §3). The simulation keeps one
 * canonical code; each collection year's file shows that year's code.
 */

/** SSDA903 SEX: 1/2 to 2023-24, M/F from 2024-25 (endYear = the year the collection ends). */
export const sex903 = (sex: 'M' | 'F', endYear: number): string =>
  endYear <= 2024 ? (sex === 'M' ? '1' : '2') : sex;

/** CIN census sex element name and value: GenderCurrent 1/2 to 2023-24, Sex M/F from 2024-25. */
export function cinSex(sex: 'M' | 'F', endYear: number): [string, string] {
  return endYear <= 2024 ? ['GenderCurrent', sex === 'M' ? '1' : '2'] : ['Sex', sex];
}

/** AssessmentFactors: 18B/18C and 19B/19C were 18A and 19A before 2020-21. */
export function assessmentFactor(code: string, endYear: number): string {
  if (endYear <= 2020 && (code === '18B' || code === '18C')) return '18A';
  if (endYear <= 2020 && (code === '19B' || code === '19C')) return '19A';
  return code;
}

/** The first collection year (end year) each year-bound code is valid in, and the last. */
export const CODE_VALIDITY: Readonly<Record<string, { from?: number; to?: number }>> = {
  H5: { to: 2024 },
  P2: { to: 2024 },
  K3: { from: 2025 },
  Z1: { to: 2025 },
  Z11: { from: 2026 },
  Z12: { from: 2026 },
  Z13: { from: 2026 },
  Z14: { from: 2026 },
  '5D': { from: 2023 },
  RC9: { from: 2023 },
  '24A': { from: 2023 },
};

/** True when a year-bound code is valid in the collection year ending in endYear (other codes: true). */
export function validIn(code: string, endYear: number): boolean {
  const v = CODE_VALIDITY[code];
  if (!v) return true;
  return (v.from === undefined || endYear >= v.from) && (v.to === undefined || endYear <= v.to);
}
