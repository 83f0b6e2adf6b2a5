import type { RecordTable } from './record-table.js';
import { cols } from './record-table.js';

/**
 * Every typed record table, one per model record type (`src/model`). The DDL (migration 002), the inserts
 * of `importDataset` and the reads of `loadDataset` all come from these descriptions. Adding a model field:
 * add it here and add a migration `ALTER TABLE … ADD COLUMN` (never edit 002).
 */
export const RECORD_TABLES: readonly RecordTable[] = [
  {
    key: 'children',
    table: 'rec_children',
    sourceField: 'sources',
    columns: cols('childId dob:date sex ethnicity deathDate:date upnHash disabilities:json'),
  },
  { key: 'uasc', table: 'rec_uasc', sourceField: 'source', columns: cols('id childId dob:date duc:date') },
  {
    key: 'referrals',
    table: 'rec_referrals',
    sourceField: 'source',
    columns: cols(
      'id childId referralDate:date referralSource referralSourceRaw primaryNeedCode closureDate:date reasonForClosure dateOfInitialCpc:date referralNfa:bool',
    ),
  },
  {
    key: 'assessments',
    table: 'rec_assessments',
    sourceField: 'source',
    columns: cols(
      'id referralId childId startDate:date internalReviewDate:date authorisationDate:date factors:json',
    ),
  },
  {
    key: 'cinPlans',
    table: 'rec_cin_plans',
    sourceField: 'source',
    columns: cols('id referralId childId startDate:date endDate:date'),
  },
  {
    key: 'section47s',
    table: 'rec_section47s',
    sourceField: 'source',
    columns: cols(
      'id referralId childId startDate:date initialCpcTarget:date dateOfInitialCpc:date icpcNotRequired:bool',
    ),
  },
  {
    key: 'cpPlans',
    table: 'rec_cp_plans',
    sourceField: 'source',
    columns: cols(
      'id referralId childId startDate:date endDate:date initialCategoryOfAbuse latestCategoryOfAbuse numberOfPreviousCpp:integer reviewDates:json',
    ),
  },
  {
    key: 'episodes',
    table: 'rec_episodes',
    sourceField: 'source',
    columns: cols(
      'id childId decom:date rne ls cin place placeProvider dec=dec_date:date rec reasonPlaceChange homePost plPost urn plDistance:real',
    ),
  },
  {
    key: 'cicReviews',
    table: 'rec_cic_reviews',
    sourceField: 'source',
    columns: cols('id childId reviewDate:date reviewCode'),
  },
  {
    key: 'missingEpisodes',
    table: 'rec_missing_episodes',
    sourceField: 'source',
    columns: cols('id childId missing start=start_date:date end=end_date:date'),
  },
  {
    key: 'swEpisodes',
    table: 'rec_sw_episodes',
    sourceField: 'source',
    columns: cols('id childId swId start=start_date:date end=end_date:date reason'),
  },
  {
    key: 'oc2',
    table: 'rec_oc2',
    sourceField: 'source',
    columns: cols(
      'id childId year healthCheck:bool teethCheck:bool immunisations:bool healthAssessment:bool sdqScore:integer convicted:bool substanceMisuse:bool',
    ),
  },
  {
    key: 'oc3',
    table: 'rec_oc3',
    sourceField: 'source',
    columns: cols('id childId year dob:date inTouch activ accom'),
  },
  {
    key: 'contacts',
    table: 'rec_contacts',
    sourceField: 'source',
    columns: cols(
      'id childId receivedDate:date receivedAt decidedDate:date decidedAt outcome referralSource',
    ),
  },
  {
    key: 'strategyDiscussions',
    table: 'rec_strategy_discussions',
    sourceField: 'source',
    columns: cols('id childId strategyDate:date s47Start:date'),
  },
  {
    key: 'cpVisits',
    table: 'rec_cp_visits',
    sourceField: 'source',
    columns: cols('id childId visitDate:date childSeen:bool seenAlone:bool visitId'),
  },
  {
    key: 'claVisits',
    table: 'rec_cla_visits',
    sourceField: 'source',
    columns: cols('id childId visitDate:date childSeen:bool seenAlone:bool visitId'),
  },
  {
    key: 'allocations',
    table: 'rec_allocations',
    sourceField: 'source',
    columns: cols('id childId workerId start=start_date:date end=end_date:date role team'),
  },
  {
    key: 'workers',
    table: 'rec_workers',
    sourceField: 'source',
    columns: cols('workerId qualifiedSw:bool sweRegistration'),
  },
  {
    key: 'healthChecks',
    table: 'rec_health_checks',
    sourceField: 'source',
    columns: cols('id childId checkType checkDate:date outcome'),
  },
  {
    key: 'careLeavers',
    table: 'rec_care_leavers',
    sourceField: 'source',
    columns: cols('id childId statusDate:date inTouch activity accommodation eligibility'),
  },
  {
    key: 'placementsLongTerm',
    table: 'rec_placements_long_term',
    sourceField: 'source',
    columns: cols('id childId placementStart:date longTermFrom:date'),
  },
  {
    key: 'postcodes',
    table: 'rec_postcodes',
    sourceField: 'source',
    columns: cols('pcd easting:real northing:real laua'),
  },
  {
    key: 'population',
    table: 'rec_population',
    sourceField: 'source',
    columns: cols('year laCode aged0to17:integer'),
  },
  // Migration 004: the stored SSDA903 tables and Annex A's own lists.
  {
    key: 'ad1',
    table: 'rec_ad1',
    sourceField: 'source',
    columns: cols(
      'id childId year dob:date dateInt:date dateMatch:date fosterCare nbAdoptr sexAdoptr lsAdoptr',
    ),
  },
  {
    key: 'placedAdoption',
    table: 'rec_placed_adoption',
    sourceField: 'source',
    columns: cols('id childId dob:date datePlaced:date datePlacedCeased:date reasonPlacedCeased'),
  },
  {
    key: 'prevPerm',
    table: 'rec_prev_perm',
    sourceField: 'source',
    columns: cols('id childId year dob:date prevPerm laPerm datePerm:date'),
  },
  {
    key: 'dolo',
    table: 'rec_dolo',
    sourceField: 'source',
    columns: cols('id childId dob:date start=start_date:date end=end_date:date'),
  },
  {
    key: 'annexACic',
    table: 'rec_annex_a_cic',
    sourceField: 'source',
    columns: cols(
      'id childId asAt:date startDate:date uasc:bool categoryOfNeed repeatPeriod:bool legalStatus legalStatusStart:date latestReview:date lastSwVisit:date permanencePlan lastIroVisit:date lastHealthAssessment:date lastDentalCheck:date placements12m=placements_12m:integer ceasedDate:date reasonCeased placementStart:date placementType placementProvider placementPostcode placementUrn placementLocation placementLa missingEpisodes:integer absences:integer returnInterviews:integer team worker unmapped:json',
    ),
  },
  {
    key: 'annexACp',
    table: 'rec_annex_a_cp',
    sourceField: 'source',
    columns: cols('id childId asAt:date startDate:date endDate:date team worker'),
  },
  {
    key: 'annexARows',
    table: 'rec_annex_a_rows',
    sourceField: 'source',
    columns: cols('id list:integer childId asAt:date cells:json'),
  },
];
