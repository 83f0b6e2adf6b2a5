import type { CareHistory, EpisodeChainIssue, PeriodOfCare, Placement } from './care-history.js';
import type { Episode } from './episode.js';

/** LS codes of short breaks, removed before anything else (indicators.md §1.4 step 1, §1.5). */
const SHORT_BREAK_LS = new Set(['V3', 'V4']);
/** PLACE codes of temporary placements (indicators.md §1.4 step 5). */
const TEMPORARY_PLACE = new Set(['T0', 'T1', 'T2', 'T3', 'T4']);
/** RNE codes that start a new placement (new carer). */
const NEW_CARER_RNE = new Set(['P', 'B']);
/** The SSDA903 placeholder for "no URN" (indicators.md §1.8). */
const NO_URN = 'XXXXXXX';

/** True for an episode with LS V3 or V4 (a short break). */
export function isShortBreak(episode: Episode): boolean {
  return episode.ls !== null && SHORT_BREAK_LS.has(episode.ls.toUpperCase());
}

/** True for an episode with a temporary PLACE (T0–T4). */
export function isTemporaryPlacement(episode: Episode): boolean {
  return episode.place !== null && TEMPORARY_PLACE.has(episode.place.toUpperCase());
}

function norm(text: string | null): string | null {
  if (text === null) return null;
  const t = text.replace(/\s+/g, '').toUpperCase();
  return t === '' ? null : t;
}

function givenUrn(urn: string | null): string | null {
  const u = norm(urn);
  return u === null || u === NO_URN ? null : u;
}

/**
 * Same carer (indicators.md §1.8): the same PLACE and PL_POST, and the same URN only when both
 * episodes give one (`XXXXXXX` counts as not given). Postcodes compare without spaces or case.
 * @example sameCarer({ place: 'U1', plPost: 'DL1 1AA', urn: null, … }, { place: 'U1', plPost: 'DL11AA', urn: 'SC1', … }) //=> true
 */
export function sameCarer(a: Episode, b: Episode): boolean {
  if (norm(a.place) !== norm(b.place) || norm(a.plPost) !== norm(b.plPost)) return false;
  const ua = givenUrn(a.urn);
  const ub = givenUrn(b.urn);
  return ua === null || ub === null || ua === ub;
}

function byDecom(a: Episode, b: Episode): number {
  if (a.decom !== b.decom) return a.decom < b.decom ? -1 : 1;
  const ad = a.dec ?? '9999-99-99';
  const bd = b.dec ?? '9999-99-99';
  if (ad !== bd) return ad < bd ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function issue(
  childId: string,
  episode: Episode,
  kind: EpisodeChainIssue['kind'],
  message: string,
): EpisodeChainIssue {
  return { childId, episodeId: episode.id, kind, message };
}

/**
 * Ends each episode that the next one overlaps where the next one starts (inputs.md §6 903-EP-OVERLAP:
 * "starts before the previous ends → previous ends here"). A previous episode that was open reads REC
 * X1, since an episode starts on its new DEC (903-EP-RECDEC: "DEC alone → X1 if an episode starts on
 * DEC"); one with a REC keeps it. Each overlap is an `overlap` issue.
 */
function endOverlaps(childId: string, sorted: readonly Episode[], issues: EpisodeChainIssue[]): Episode[] {
  const out: Episode[] = [];
  for (const ep of sorted) {
    const prev = out[out.length - 1];
    if (prev !== undefined && (prev.dec === null || ep.decom < prev.dec)) {
      issues.push(
        issue(
          childId,
          ep,
          'overlap',
          prev.dec === null
            ? 'episode starts while the previous episode is still open: the previous one ends here'
            : 'episode starts before the previous episode ceased: the previous one ends here',
        ),
      );
      out[out.length - 1] = { ...prev, dec: ep.decom, rec: prev.dec === null ? 'X1' : prev.rec };
    }
    out.push(ep);
  }
  return out;
}

/** Splits DECOM-sorted, short-break-free, overlap-free episodes into periods of care (§1.4 step 2). */
function chainPeriods(childId: string, sorted: readonly Episode[], issues: EpisodeChainIssue[]): Episode[][] {
  const periods: Episode[][] = [];
  let current: Episode[] = [];
  sorted.forEach((ep, i) => {
    const prev = i > 0 ? sorted[i - 1] : undefined;
    const continues = prev !== undefined && prev.rec === 'X1' && prev.dec !== null && ep.decom === prev.dec;
    if (continues) {
      current.push(ep);
      if (ep.rne === 'S') {
        issues.push(
          issue(
            childId,
            ep,
            'rne-s-inside-chain',
            'RNE S inside an X1 chain: continues the period of care and placement',
          ),
        );
      }
      return;
    }
    if (prev !== undefined && prev.rec === 'X1') {
      issues.push(
        issue(
          childId,
          prev,
          'x1-without-next',
          'REC X1 but no episode starts on its DEC: the period of care ends there',
        ),
      );
    }
    if (prev !== undefined && ep.rne !== 'S') {
      issues.push(
        issue(
          childId,
          ep,
          'new-period-without-x1',
          `RNE ${ep.rne ?? 'blank'} does not continue an X1 chain: a new period of care starts`,
        ),
      );
    }
    if (current.length > 0) periods.push(current);
    current = [ep];
  });
  if (current.length > 0) periods.push(current);
  const last = sorted[sorted.length - 1];
  if (last !== undefined && last.rec === 'X1') {
    issues.push(
      issue(
        childId,
        last,
        'x1-without-next',
        'REC X1 but no episode starts on its DEC: the period of care ends there',
      ),
    );
  }
  return periods;
}

/** Groups one period's episodes into placements (§1.4 steps 4–6, §1.8). */
function groupPlacements(episodes: readonly Episode[]): Episode[][] {
  const groups: Episode[][] = [];
  let current: Episode[] = [];
  /** The last non-temporary episode of the current placement (the carer the child is away from). */
  let lastCarer: Episode | null = null;
  let away = false;
  for (const ep of episodes) {
    if (current.length === 0) {
      current = [ep];
      if (isTemporaryPlacement(ep)) away = true;
      else lastCarer = ep;
      continue;
    }
    if (isTemporaryPlacement(ep)) {
      // Consecutive temporary episodes all belong to the placement the child was away from.
      current.push(ep);
      away = true;
      continue;
    }
    let startsNew: boolean;
    if (lastCarer === null) {
      // A period that starts with a temporary episode starts its first placement there.
      startsNew = false;
    } else if (away) {
      // The return after a temporary episode: same carer continues, a different carer starts anew.
      startsNew = !sameCarer(lastCarer, ep);
    } else {
      startsNew = ep.rne !== null && NEW_CARER_RNE.has(ep.rne);
    }
    if (startsNew) {
      groups.push(current);
      current = [ep];
    } else {
      current.push(ep);
    }
    lastCarer = ep;
    away = false;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/**
 * Derives a child's periods of care and placements from their SSDA903 episodes (indicators.md §1.4,
 * §1.8): short breaks (LS V3/V4) are removed first; episodes are sorted by DECOM; an episode that the
 * next one overlaps ends where the next starts (inputs.md §6 903-EP-OVERLAP); REC X1 with the next
 * DECOM = DEC continues a period of care, anything else starts a new one (anomalies are returned as
 * `issues`, for the note `episodeChainErrors`); placements start at a period's first episode and at
 * each RNE P/B, temporary episodes (PLACE T0–T4) and a return to the same carer belong to the
 * placement the child was away from.
 * @example
 * deriveCareHistory('C1', episodes).placements.map((p) => p.start)
 * //=> ['2020-06-01', '2021-08-02'] for indicators.md worked example E4
 */
export function deriveCareHistory(childId: string, episodes: readonly Episode[]): CareHistory {
  const sorted = episodes.filter((e) => !isShortBreak(e)).sort(byDecom);
  const issues: EpisodeChainIssue[] = [];
  const periodGroups = chainPeriods(childId, endOverlaps(childId, sorted, issues), issues);
  const periodsOfCare: PeriodOfCare[] = [];
  const placements: Placement[] = [];
  for (const eps of periodGroups) {
    const first = eps[0]!;
    const last = eps[eps.length - 1]!;
    const period: PeriodOfCare = {
      id: `poc:${first.id}`,
      childId,
      start: first.decom,
      end: last.dec,
      episodes: eps,
    };
    periodsOfCare.push(period);
    for (const group of groupPlacements(eps)) {
      const pFirst = group[0]!;
      const pLast = group[group.length - 1]!;
      placements.push({
        id: `pl:${pFirst.id}`,
        childId,
        periodOfCareId: period.id,
        start: pFirst.decom,
        end: pLast.dec,
        episodes: group,
        carerEpisode: group.find((e) => !isTemporaryPlacement(e)) ?? null,
      });
    }
  }
  return { childId, periodsOfCare, placements, issues };
}
