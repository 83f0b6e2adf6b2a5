import type { SourceKind } from '../model/source.js';
import type { StagedTableKey } from './rule.js';

/** A record property and the field name users know it by. */
export interface FieldRef {
  readonly prop: string;
  /**
   * Reads `prop` of a record: `(r) => r['prop']`, written out per field, for the reason given at
   * {@link CodeFieldRef.read} (a read by a computed name, the same line for every field of every table, is
   * a slow look-up).
   */
  readonly read: (record: Readonly<Record<string, unknown>>) => unknown;
  readonly field: string;
}

/** Event dates per table that cannot lie in the future (GEN-FUTURE), by source. */
export const EVENT_DATES: Readonly<Record<SourceKind, Partial<Record<StagedTableKey, readonly FieldRef[]>>>> =
  {
    ssda903: {
      children: [{ prop: 'dob', read: (r) => r['dob'], field: 'DOB' }],
      episodes: [
        { prop: 'decom', read: (r) => r['decom'], field: 'DECOM' },
        { prop: 'dec', read: (r) => r['dec'], field: 'DEC' },
      ],
      cicReviews: [{ prop: 'reviewDate', read: (r) => r['reviewDate'], field: 'REVIEW' }],
      missingEpisodes: [
        { prop: 'start', read: (r) => r['start'], field: 'MIS_START' },
        { prop: 'end', read: (r) => r['end'], field: 'MIS_END' },
      ],
      swEpisodes: [
        { prop: 'start', read: (r) => r['start'], field: 'SW_DECOM' },
        { prop: 'end', read: (r) => r['end'], field: 'SW_DEC' },
      ],
      uasc: [{ prop: 'duc', read: (r) => r['duc'], field: 'DUC' }],
      ad1: [
        { prop: 'dateInt', read: (r) => r['dateInt'], field: 'DATE_INT' },
        { prop: 'dateMatch', read: (r) => r['dateMatch'], field: 'DATE_MATCH' },
      ],
      placedAdoption: [
        { prop: 'datePlaced', read: (r) => r['datePlaced'], field: 'DATE_PLACED' },
        { prop: 'datePlacedCeased', read: (r) => r['datePlacedCeased'], field: 'DATE_PLACED_CEASED' },
      ],
      prevPerm: [{ prop: 'datePerm', read: (r) => r['datePerm'], field: 'DATE_PERM' }],
      dolo: [
        { prop: 'start', read: (r) => r['start'], field: 'DOLO_START' },
        { prop: 'end', read: (r) => r['end'], field: 'DOLO_END' },
      ],
    },
    cin: {
      children: [
        { prop: 'dob', read: (r) => r['dob'], field: 'PersonBirthDate' },
        { prop: 'deathDate', read: (r) => r['deathDate'], field: 'PersonDeathDate' },
      ],
      referrals: [
        { prop: 'referralDate', read: (r) => r['referralDate'], field: 'CINreferralDate' },
        { prop: 'closureDate', read: (r) => r['closureDate'], field: 'CINclosureDate' },
        { prop: 'dateOfInitialCpc', read: (r) => r['dateOfInitialCpc'], field: 'DateOfInitialCPC' },
      ],
      assessments: [
        { prop: 'startDate', read: (r) => r['startDate'], field: 'AssessmentActualStartDate' },
        {
          prop: 'authorisationDate',
          read: (r) => r['authorisationDate'],
          field: 'AssessmentAuthorisationDate',
        },
      ],
      cinPlans: [
        { prop: 'startDate', read: (r) => r['startDate'], field: 'CINPlanStartDate' },
        { prop: 'endDate', read: (r) => r['endDate'], field: 'CINPlanEndDate' },
      ],
      section47s: [
        { prop: 'startDate', read: (r) => r['startDate'], field: 'S47ActualStartDate' },
        { prop: 'dateOfInitialCpc', read: (r) => r['dateOfInitialCpc'], field: 'DateOfInitialCPC' },
      ],
      cpPlans: [
        { prop: 'startDate', read: (r) => r['startDate'], field: 'CPPstartDate' },
        { prop: 'endDate', read: (r) => r['endDate'], field: 'CPPendDate' },
      ],
    },
    local: {
      contacts: [
        { prop: 'receivedDate', read: (r) => r['receivedDate'], field: 'received_at' },
        { prop: 'decidedDate', read: (r) => r['decidedDate'], field: 'decided_at' },
      ],
      cpVisits: [{ prop: 'visitDate', read: (r) => r['visitDate'], field: 'cp_visit_date' }],
      claVisits: [{ prop: 'visitDate', read: (r) => r['visitDate'], field: 'cla_visit_date' }],
      allocations: [{ prop: 'start', read: (r) => r['start'], field: 'allocation_start' }],
      healthChecks: [{ prop: 'checkDate', read: (r) => r['checkDate'], field: 'check_date' }],
      careLeavers: [{ prop: 'statusDate', read: (r) => r['statusDate'], field: 'status_date' }],
      strategyDiscussions: [{ prop: 'strategyDate', read: (r) => r['strategyDate'], field: 'strategy_date' }],
    },
    'annex-a': {},
  };

/** An event date a record holds as a list ({@link EVENT_DATE_LISTS}): the field, and what loads without one. */
export interface ListFieldRef extends FieldRef {
  /** What an issue says happens when one of the dates is left out ("the CP plan loads without this review"). */
  readonly without: string;
}

/**
 * Event dates a record holds as a list, by source: a CP plan's CPPreviewDate, each a CP review of its own
 * (inputs.md §3: "keep every one as a CP review row"). GEN-FUTURE and GEN-PAST check each date; one out of
 * range leaves only itself out, with a warning, and the record loads (event-date-range.ts). Annex A has none
 * here: its reader checks its dates, and a List 7 review or last-visit date and a List 8 latest review date are
 * judged the same way there (`AnnexAColumn.without`, read-annex-a.ts).
 */
export const EVENT_DATE_LISTS: Readonly<
  Record<SourceKind, Partial<Record<StagedTableKey, readonly ListFieldRef[]>>>
> = {
  ssda903: {},
  cin: {
    cpPlans: [
      {
        prop: 'reviewDates',
        read: (r) => r['reviewDates'],
        field: 'CPPreviewDate',
        without: 'the CP plan loads without this review',
      },
    ],
  },
  local: {},
  'annex-a': {},
};

/** A coded field: where its value is (record property or raw extra), the code list field, and the list's source. */
export interface CodeFieldRef {
  readonly prop?: string;
  /**
   * Reads `prop` of a record: `(r) => r['prop']`, written out per field so the code scan reads each field by
   * its name (one read by a computed name, the same line for every field of every table, made the scan of
   * the SSDA903 bench set's episodes half as slow again). Must read `prop` (table-fields and code-findings
   * tests check each one).
   */
  readonly read?: (record: Readonly<Record<string, unknown>>) => unknown;
  readonly extra?: string;
  readonly field: string;
  readonly list: 'ssda903' | 'cin';
  /** Key fields: an invalid code is an error, not a warning (inputs.md §6). */
  readonly key?: boolean;
  /** The record date whose collection year picks the list (local tables), else the submission's year. */
  readonly yearOf?: string;
  /** Invalid values are read as null and kept in this property (Referral.referralSourceRaw). */
  readonly rawProp?: string;
  /** The DfE rule for an invalid code in this field (inputs.md §6: GEN-CODE 143–146, 149), if there is one. */
  readonly dfeRule?: string;
}

/** Coded fields checked against the year's lists (GEN-CODE, GEN-LEGACY), by source. */
export const CODE_FIELDS: Readonly<
  Record<SourceKind, Partial<Record<StagedTableKey, readonly CodeFieldRef[]>>>
> = {
  ssda903: {
    children: [
      { extra: 'SEX', field: 'SEX', list: 'ssda903' },
      { prop: 'ethnicity', read: (r) => r['ethnicity'], field: 'ETHNIC', list: 'ssda903' },
    ],
    uasc: [{ extra: 'SEX', field: 'SEX', list: 'ssda903' }],
    episodes: [
      { prop: 'rne', read: (r) => r['rne'], field: 'RNE', list: 'ssda903', dfeRule: '143' },
      { prop: 'ls', read: (r) => r['ls'], field: 'LS', list: 'ssda903', dfeRule: '144' },
      { prop: 'cin', read: (r) => r['cin'], field: 'CIN', list: 'ssda903', dfeRule: '145' },
      { prop: 'place', read: (r) => r['place'], field: 'PLACE', list: 'ssda903', dfeRule: '146' },
      { prop: 'placeProvider', read: (r) => r['placeProvider'], field: 'PLACE_PROVIDER', list: 'ssda903' },
      { prop: 'rec', read: (r) => r['rec'], field: 'REC', list: 'ssda903', dfeRule: '149' },
      {
        prop: 'reasonPlaceChange',
        read: (r) => r['reasonPlaceChange'],
        field: 'REASON_PLACE_CHANGE',
        list: 'ssda903',
      },
    ],
    cicReviews: [{ prop: 'reviewCode', read: (r) => r['reviewCode'], field: 'REVIEW_CODE', list: 'ssda903' }],
    swEpisodes: [{ prop: 'reason', read: (r) => r['reason'], field: 'SW_REASON', list: 'ssda903' }],
    oc2: [{ extra: 'SDQ_REASON', field: 'SDQ_REASON', list: 'ssda903' }],
    oc3: [
      { prop: 'inTouch', read: (r) => r['inTouch'], field: 'IN_TOUCH', list: 'ssda903' },
      { prop: 'activ', read: (r) => r['activ'], field: 'ACTIV', list: 'ssda903' },
      { prop: 'accom', read: (r) => r['accom'], field: 'ACCOM', list: 'ssda903' },
    ],
    ad1: [
      { prop: 'fosterCare', read: (r) => r['fosterCare'], field: 'FOSTER_CARE', list: 'ssda903' },
      { prop: 'nbAdoptr', read: (r) => r['nbAdoptr'], field: 'NB_ADOPTR', list: 'ssda903' },
      { prop: 'sexAdoptr', read: (r) => r['sexAdoptr'], field: 'SEX_ADOPTR', list: 'ssda903' },
      { prop: 'lsAdoptr', read: (r) => r['lsAdoptr'], field: 'LS_ADOPTR', list: 'ssda903' },
    ],
    placedAdoption: [
      {
        prop: 'reasonPlacedCeased',
        read: (r) => r['reasonPlacedCeased'],
        field: 'REASON_PLACED_CEASED',
        list: 'ssda903',
      },
    ],
    prevPerm: [{ prop: 'prevPerm', read: (r) => r['prevPerm'], field: 'PREV_PERM', list: 'ssda903' }],
  },
  cin: {
    children: [
      { prop: 'ethnicity', read: (r) => r['ethnicity'], field: 'Ethnicity', list: 'cin' },
      { prop: 'disabilities', read: (r) => r['disabilities'], field: 'Disability', list: 'cin' },
    ],
    referrals: [
      {
        prop: 'referralSource',
        read: (r) => r['referralSource'],
        field: 'ReferralSource',
        list: 'cin',
        rawProp: 'referralSourceRaw',
      },
      { prop: 'primaryNeedCode', read: (r) => r['primaryNeedCode'], field: 'PrimaryNeedCode', list: 'cin' },
      {
        prop: 'reasonForClosure',
        read: (r) => r['reasonForClosure'],
        field: 'ReasonForClosure',
        list: 'cin',
      },
    ],
    assessments: [{ prop: 'factors', read: (r) => r['factors'], field: 'AssessmentFactors', list: 'cin' }],
    cpPlans: [
      {
        prop: 'initialCategoryOfAbuse',
        read: (r) => r['initialCategoryOfAbuse'],
        field: 'CategoryOfAbuse',
        list: 'cin',
      },
      {
        prop: 'latestCategoryOfAbuse',
        read: (r) => r['latestCategoryOfAbuse'],
        field: 'CategoryOfAbuse',
        list: 'cin',
      },
    ],
  },
  local: {
    contacts: [
      {
        prop: 'referralSource',
        read: (r) => r['referralSource'],
        field: 'ReferralSource',
        list: 'cin',
        yearOf: 'receivedDate',
      },
    ],
    careLeavers: [
      {
        prop: 'inTouch',
        read: (r) => r['inTouch'],
        field: 'IN_TOUCH',
        list: 'ssda903',
        yearOf: 'statusDate',
      },
      { prop: 'activity', read: (r) => r['activity'], field: 'ACTIV', list: 'ssda903', yearOf: 'statusDate' },
      {
        prop: 'accommodation',
        read: (r) => r['accommodation'],
        field: 'ACCOM',
        list: 'ssda903',
        yearOf: 'statusDate',
      },
    ],
  },
  'annex-a': {},
};
