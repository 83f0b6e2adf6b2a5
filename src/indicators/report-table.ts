import type { ComparisonFigure, IndicatorReport, IndicatorResult, Note } from './types.js';

function formatValue(r: { unit: string }, value: number | null): string {
  if (value === null) return '–';
  return r.unit === 'percent' ? `${value.toFixed(1)}%` : value.toLocaleString('en-GB');
}

function statusText(r: IndicatorResult): string | null {
  switch (r.status) {
    case 'not-available':
      return `Not available: ${r.notes.find((n) => n.code === 'notAvailable')?.detail ?? 'missing data'}`;
    case 'annual-only': {
      const year = r.notes.find((n) => n.code === 'reportedAnnually')?.detail?.replace('last outturn ', '');
      const last = r.extra['lastOutturn'];
      return last === null || last === undefined || !year
        ? 'Reported annually'
        : `Reported annually (${year}: ${formatValue(r, last)})`;
    }
    case 'no-eligible-cases':
      return 'No eligible cases';
    default:
      return null;
  }
}

function comparison(r: IndicatorResult, c: ComparisonFigure | null): string {
  if (!c) return '–';
  if (c.status === 'no-eligible-cases') return 'none';
  if (c.status !== 'ok') return '–';
  return formatValue(r, c.value);
}

function noteText(n: Note): string {
  return n.code + (n.count !== undefined ? ` ${n.count}` : '');
}

const DIRECTION: Record<string, string> = {
  improved: '↑ Improved',
  worsened: '↓ Worsened',
  'no-significant-change': '↔ No sig. change',
  'no-change': '↔ No change',
  up: '↑ Up',
  down: '↓ Down',
};

/**
 * A readable terminal table of a report: one row per indicator with value (numerator/denominator),
 * target and RAG, direction, previous quarter, same period last year, and notes.
 */
export function reportTable(report: IndicatorReport): string {
  const head = ['Indicator', 'Current', 'Target', 'RAG', 'Direction', 'Prev', 'Last yr', 'Notes'];
  const rows = report.indicators.map((r) => {
    const status = statusText(r);
    const current = status
      ? status
      : `${formatValue(r, r.value)}${r.unit === 'percent' ? ` (${r.numerator}/${r.denominator})` : ''}`;
    const target =
      r.target === null
        ? '–'
        : r.bounds
          ? `${formatValue(r, r.target)} ${r.polarity === 'lower' ? `A>${r.bounds.amber} R>${r.bounds.red}` : `A<${r.bounds.amber} R<${r.bounds.red}`}`
          : `${formatValue(r, r.target)} ±${r.tolerance}`;
    return [
      r.id,
      current,
      target,
      r.rag ?? '–',
      r.direction ? DIRECTION[r.direction]! : '–',
      comparison(r, r.previous),
      comparison(r, r.lastYear),
      r.notes
        .filter((n) => n.code !== 'notAvailable')
        .map(noteText)
        .join(', '),
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [
    `${report.la} ${report.period.id} (${report.period.start} to ${report.period.end}), dataset ${report.dataset.id}` +
      (report.dataset.asAt ? `, as at ${report.dataset.asAt}` : ''),
    `working days: ${report.settings.workingDays}${report.settings.excludeUasc ? '; excluding UASC' : ''}`,
    '',
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
  ].join('\n');
}
