/**
 * Test helper: a later cspi whose rendering differs from the one an edition was published with, as today's
 * changes did (a sentence's wording, a new CSV column). It rewrites, in this process, the lead sentence of
 * the children-in-care narrative (HTML and JSON) and adds a column to the CSV, through the renderer's own
 * tables (the catalogue's narrative templates and `CSV_COLUMNS`); `restore` puts them back.
 * @example const later = renderingChanged(); try { … } finally { later.restore(); }
 */
import { INDICATORS } from '../../indicators/registry.js';
import { CSV_COLUMNS } from '../render/csv.js';

/** The words the changed rendering prints where the published one said "by the end of". */
export const CHANGED_WORDS = 'at the close of';

export function renderingChanged(): { restore(): void } {
  const def = INDICATORS.find((d) => d.id === 'cic-count') as unknown as {
    narrative: { lead: string } & Record<string, unknown>;
  };
  const narrative = def.narrative;
  def.narrative = { ...narrative, lead: narrative.lead.replace('by the end of', CHANGED_WORDS) };
  const columns = CSV_COLUMNS as string[];
  columns.push('title');
  return {
    restore() {
      def.narrative = narrative;
      columns.pop();
    },
  };
}
