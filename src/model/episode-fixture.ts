import { isoDate } from '../calendar/iso-date.js';
import type { Episode } from './episode.js';

/** Fields of {@link episodeFixture}: dates as plain strings, everything else optional. */
export interface EpisodeFixtureFields {
  readonly id?: string;
  readonly childId?: string;
  readonly decom: string;
  readonly dec?: string | null;
  readonly rne?: string | null;
  readonly rec?: string | null;
  readonly ls?: string | null;
  readonly place?: string | null;
  readonly plPost?: string | null;
  readonly urn?: string | null;
}

let counter = 0;

/**
 * An SSDA903 episode for tests and fixtures, with defaults (LS C2, PLACE U1, PL_POST DL1 1AA, open).
 * @example episodeFixture({ childId: 'C1', decom: '2021-03-10', rne: 'P', place: 'T1' })
 */
export function episodeFixture(f: EpisodeFixtureFields): Episode {
  counter += 1;
  return {
    id: f.id ?? `ep${counter}`,
    childId: f.childId ?? 'C1',
    decom: isoDate(f.decom),
    rne: f.rne === undefined ? 'S' : f.rne,
    ls: f.ls === undefined ? 'C2' : f.ls,
    cin: 'N1',
    place: f.place === undefined ? 'U1' : f.place,
    placeProvider: 'PR1',
    dec: f.dec === undefined || f.dec === null ? null : isoDate(f.dec),
    rec: f.rec === undefined ? (f.dec ? 'X1' : null) : f.rec,
    reasonPlaceChange: null,
    homePost: 'DL1 2BB',
    plPost: f.plPost === undefined ? 'DL1 1AA' : f.plPost,
    urn: f.urn === undefined ? null : f.urn,
    plDistance: null,
    source: { file: 'episodes.csv', position: `line ${counter + 1}` },
  };
}
