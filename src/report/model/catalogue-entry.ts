import type { IndicatorDefinition } from '../../indicators/types.js';

/**
 * What the report reads from the indicator catalogue: every field of an {@link IndicatorDefinition}
 * except its compute function (the report never computes; it renders an IndicatorReport).
 */
export type CatalogueEntry = Omit<IndicatorDefinition, 'compute'>;
