/** Breakdown keys whose spelt-out name would not say what the rows are. */
const BREAKDOWN_NAMES: Readonly<Record<string, string>> = {
  timing: 'time to conference',
  placementCount: 'number of placements in the previous 12 months',
  distanceBand: 'distance from home',
  activity: 'activity',
  accommodation: 'accommodation',
};

/**
 * A human name of a breakdown key, as the report's captions and the dashboard's tables write it:
 * "distanceBand" → "distance from home"; other keys are spelt out ("ageBand" → "age band",
 * "episodesPerChild" → "episodes per child").
 * @example breakdownName('legalStatus') //=> 'legal status'
 */
export function breakdownName(key: string): string {
  return (
    BREAKDOWN_NAMES[key] ??
    key
      .replace(/[-:]/g, ' ')
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toLowerCase()
  );
}
