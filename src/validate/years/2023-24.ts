import type { Rule } from '../rule.js';
import { rules2022_23 } from './2022-23.js';

/** 2023-24: the 2022-23 rules. SSDA903 SWEpisodes table added (read from this year); no rule change. */
export const rules2023_24: readonly Rule[] = [...rules2022_23];
