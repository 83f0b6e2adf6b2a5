import type { CollectionYear } from './collection-years.js';
import type { SimChild, SimReferral } from './sim-types.js';
import { BufferedFile } from './buffered-file.js';
import { type Day, iso } from './day-calendar.js';
import { assessmentFactor, cinSex } from './codes.js';
import { type XNode, XML_PROLOG, el, leaf, xmlLines } from './xml-tree.js';

/** One Child element and the simulated child it came from (faults need both). */
export interface CinChildNode {
  readonly child: SimChild;
  readonly node: XNode;
}

/** A CIN census document for one year. */
export interface CinCensus {
  readonly root: XNode;
  readonly children: CinChildNode[];
}

const isoOrNull = (d: Day | null, ref: Day): string | null => (d !== null && d <= ref ? iso(d) : null);

/**
 * The CIN census of one collection year (inputs.md §3) as an element tree (for fault injection): the
 * children (in LAchildID order) with a referral in the year or a case open during it, each with the
 * CINdetails open in the year and their modules, element names and order as that year's schema
 * (GenderCurrent to 2023-24, Sex from 2024-25). Dates after the reference date are not shown, so open
 * records reappear next year under the same key.
 */
export function cinCensus(byId: readonly SimChild[], year: CollectionYear, laCode: string): CinCensus {
  const childNodes: CinChildNode[] = [];
  for (const c of byId) {
    const node = cinChild(c, year);
    if (node) childNodes.push({ child: c, node });
  }
  const root = el('Message', [
    cinHeader(year, laCode),
    el(
      'Children',
      childNodes.map((c) => c.node),
    ),
  ]);
  return { root, children: childNodes };
}

/**
 * Writes the same census as {@link cinCensus} (byte for byte) one child at a time, holding no tree.
 * @example writeCinCensus('/tmp/cin.xml', childrenById, year, '841') //=> { rows: children written, bytes }
 */
export function writeCinCensus(
  path: string,
  byId: readonly SimChild[],
  year: CollectionYear,
  laCode: string,
): { rows: number; bytes: number } {
  const file = new BufferedFile(path);
  file.write(`${XML_PROLOG}\n<Message>\n${xmlLines(cinHeader(year, laCode), 1)}  <Children>\n`);
  let rows = 0;
  for (const c of byId) {
    const node = cinChild(c, year);
    if (!node) continue;
    file.write(xmlLines(node, 2));
    rows++;
  }
  file.write('  </Children>\n</Message>\n');
  return { rows, bytes: file.close() };
}

function cinHeader(year: CollectionYear, laCode: string): XNode {
  return el('Header', [
    el('CollectionDetails', [
      leaf('Collection', 'CIN'),
      leaf('Year', String(year.endYear)),
      leaf('ReferenceDate', iso(year.end)),
    ]),
    el('Source', [
      leaf('SourceLevel', 'L'),
      leaf('LEA', laCode),
      leaf('SoftwareCode', 'cspi-synth'),
      leaf('Release', '1.0'),
      leaf('SerialNo', '1'),
      leaf('DateTime', `${iso(year.refDate)}T18:00:00`),
    ]),
  ]);
}

/** The Child element of one child in the year's census, or null when the child is not in it. */
function cinChild(c: SimChild, year: CollectionYear): XNode | null {
  const ref = year.refDate;
  const details: XNode[] = [];
  for (const r of c.referrals) {
    if (r.date > ref || (r.closure !== null && r.closure < year.start)) continue;
    details.push(cinDetails(r, year));
  }
  if (details.length === 0) return null;
  const ids: XNode[] = [leaf('LAchildID', c.id)];
  if (c.upn) ids.push(leaf('UPN', c.upn));
  else ids.push(leaf('UPNunknown', c.uasc ? 'UN4' : 'UN2'));
  ids.push(leaf('PersonBirthDate', iso(c.dob)));
  const [sexName, sexValue] = cinSex(c.sex, year.endYear);
  ids.push(leaf(sexName, sexValue));
  if (c.death !== null && c.death <= ref) ids.push(leaf('PersonDeathDate', iso(c.death)));
  const chars: XNode[] = [leaf('Ethnicity', c.ethnicity)];
  chars.push(
    el(
      'Disabilities',
      (c.disabilities.length > 0 ? c.disabilities : ['NONE']).map((d) => leaf('Disability', d)),
    ),
  );
  return el('Child', [el('ChildIdentifiers', ids), el('ChildCharacteristics', chars), ...details]);
}

function cinDetails(r: SimReferral, year: CollectionYear): XNode {
  const ref = year.refDate;
  const inYear = (start: Day, end: Day | null): boolean =>
    start <= ref && (end === null || end >= year.start);
  const kids: XNode[] = [
    leaf('CINreferralDate', iso(r.date)),
    leaf('ReferralSource', r.source),
    leaf('PrimaryNeedCode', r.need),
  ];
  const closure = isoOrNull(r.closure, ref);
  if (closure) {
    kids.push(leaf('CINclosureDate', closure));
    if (r.reason) kids.push(leaf('ReasonForClosure', r.reason));
  }
  const icpcDetails = isoOrNull(r.icpcOnDetails, ref);
  if (icpcDetails) kids.push(leaf('DateOfInitialCPC', icpcDetails));
  for (const a of r.assessments) {
    if (!inYear(a.start, a.auth)) continue;
    const parts: XNode[] = [leaf('AssessmentActualStartDate', iso(a.start))];
    const auth = isoOrNull(a.auth, ref);
    if (auth) {
      parts.push(leaf('AssessmentAuthorisationDate', auth));
      parts.push(
        el(
          'FactorsIdentifiedAtAssessment',
          a.factors.map((f) => leaf('AssessmentFactors', assessmentFactor(f, year.endYear))),
        ),
      );
    }
    kids.push(el('Assessments', parts));
  }
  for (const p of r.cinPlans) {
    if (!inYear(p.start, p.end)) continue;
    const parts: XNode[] = [leaf('CINPlanStartDate', iso(p.start))];
    const end = isoOrNull(p.end, ref);
    if (end) parts.push(leaf('CINPlanEndDate', end));
    kids.push(el('CINPlanDates', parts));
  }
  for (const s of r.s47s) {
    if (!inYear(s.start, s.end)) continue;
    const parts: XNode[] = [
      leaf('S47ActualStartDate', iso(s.start)),
      leaf('InitialCPCtarget', iso(s.target)),
    ];
    const icpc = isoOrNull(s.icpc, ref);
    if (icpc) parts.push(leaf('DateOfInitialCPC', icpc));
    parts.push(leaf('ICPCnotRequired', s.notRequired ? 'true' : 'false'));
    kids.push(el('Section47', parts));
  }
  kids.push(leaf('ReferralNFA', r.nfa ? 'true' : 'false'));
  for (const p of r.cpPlans) {
    if (!inYear(p.start, p.end)) continue;
    const parts: XNode[] = [leaf('CPPstartDate', iso(p.start))];
    const end = isoOrNull(p.end, ref);
    if (end) parts.push(leaf('CPPendDate', end));
    parts.push(leaf('InitialCategoryOfAbuse', p.initialCategory));
    parts.push(leaf('LatestCategoryOfAbuse', p.latestCategory));
    parts.push(leaf('NumberOfPreviousCPP', String(p.previousPlans)));
    const reviews = p.reviews.filter((d) => d >= year.start && d <= ref);
    if (reviews.length > 0)
      parts.push(
        el(
          'Reviews',
          reviews.map((d) => leaf('CPPreviewDate', iso(d))),
        ),
      );
    kids.push(el('ChildProtectionPlans', parts));
  }
  return el('CINdetails', kids);
}
