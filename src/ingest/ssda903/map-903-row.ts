import type { FileSink } from '../file-sink.js';
import type { DateOptions, RowFields } from '../row-fields.js';
import type { DateStyle } from '../parse-date.js';
import { COLUMN, type Ssda903Table } from './tables.js';
import { sexCode } from '../sex-code.js';
import { internCode } from '../intern-code.js';

/** What mapping a 903 row needs besides the row. */
export interface Map903Options {
  readonly dateStyle: DateStyle;
}

/** A row's cells by column number ({@link COLUMN}), trimmed, blank = null. */
export type CellGetter = (column: number) => string | null;

/**
 * A row's code by column number ({@link COLUMN}): the cell upper-cased, blank = null, one shared string per distinct
 * code ({@link internCode}): codes repeat row after row, and a staged record that shares its code strings
 * leaves the garbage collector nothing to copy for them.
 */
export type CodeGetter = (column: number) => string | null;

/** The code getter of a cell getter (cells cut out already, as the XML reader has them). */
export function codesOf(get: CellGetter): CodeGetter {
  return (column) => {
    const v = get(column);
    return v === null ? null : internCode(v);
  };
}

/**
 * How each kind of date cell is checked ({@link RowFields.date}), made once: an options literal in the call
 * would be a new object for every row.
 */
const REQUIRED_DATE: DateOptions = { required: true };
const WARNING_DATE: DateOptions = { severity: 'warning' };
/** DfE 141 / 147: date episode began / ceased is not a valid date (inputs.md §6 GEN-DATE). */
const DECOM_DATE: DateOptions = { required: true, dfeRule: '141' };
const DEC_DATE: DateOptions = { dfeRule: '147' };

/** The source of a row whose record keeps none (an episode: its table holds file and position by column). */
const NO_SOURCE = { file: '', position: '' };

/**
 * Maps one SSDA903 row (from CSV or XML) to its case-model record (inputs.md §2.1), checking required fields,
 * dates and flags as it goes; a row with an error is not staged. Codes are stored upper-case; whether a code
 * is valid for the collection year is checked later by the year's rules (the year is known only once the
 * whole set is read). AD1, PlacedAdoption, PrevPerm and DoLo rows are stored (no indicator reads them).
 * @example map903Row('Episodes', get, codesOf(get), fields, sink, { dateStyle: 'dmy' }) // stages one Episode
 */
export function map903Row(
  table: Ssda903Table,
  get: CellGetter,
  code: CodeGetter,
  f: RowFields,
  sink: FileSink,
  o: Map903Options,
): void {
  const s = o.dateStyle;
  const child = f.required('CHILD', get(COLUMN.CHILD));
  f.childId = child;
  if (child !== null && child.length > 10) {
    f.issue('903-CHILD-ID', 'warning', 'CHILD', child, `CHILD '${child}' is longer than 10 characters`);
  }
  // Episodes are held by column, with no source object of their own.
  const source = table === 'Episodes' ? NO_SOURCE : { file: sink.file, position: f.position };
  switch (table) {
    case 'Header': {
      const dob = f.date('DOB', get(COLUMN.DOB), s, REQUIRED_DATE);
      const sexRaw = f.required('SEX', get(COLUMN.SEX));
      if (f.rejected || child === null) return;
      const record = {
        childId: child,
        dob,
        sex: sexCode(sexRaw),
        ethnicity: code(COLUMN.ETHNIC),
        deathDate: null,
        // Hashed once the import's LA is known (FileSink.hashUpns).
        upnHash: null,
        disabilities: [],
        sources: [source],
      };
      sink.add('children', record, { SEX: sexRaw, MC_DOB: get(COLUMN.MC_DOB), MOTHER: get(COLUMN.MOTHER) });
      sink.upn(record, get(COLUMN.UPN));
      return;
    }
    case 'Episodes': {
      const decom = f.date('DECOM', get(COLUMN.DECOM), s, DECOM_DATE);
      const dec = f.date('DEC', get(COLUMN.DEC), s, DEC_DATE);
      const rne = f.required('RNE', code(COLUMN.RNE));
      const ls = f.required('LS', code(COLUMN.LS));
      const place = f.required('PLACE', code(COLUMN.PLACE));
      const plDistance = readDistance(get(COLUMN.PL_DISTANCE), f);
      if (f.rejected || child === null || decom === null) return;
      // Held by column (EpisodeTable): no record object per row.
      sink.episodes.add(
        child,
        decom,
        dec,
        rne,
        ls,
        code(COLUMN.CIN),
        place,
        code(COLUMN.PLACE_PROVIDER),
        code(COLUMN.REC),
        code(COLUMN.REASON_PLACE_CHANGE),
        code(COLUMN.HOME_POST),
        code(COLUMN.PL_POST),
        code(COLUMN.URN),
        plDistance,
        sink.file,
        f.position,
      );
      return;
    }
    case 'Reviews': {
      const review = f.date('REVIEW', get(COLUMN.REVIEW), s, REQUIRED_DATE);
      const dob = get(COLUMN.DOB);
      f.date('DOB', dob, s, WARNING_DATE);
      if (f.rejected || child === null || review === null) return;
      sink.add(
        'cicReviews',
        {
          id: sink.id('cicReviews', [child, review].join('/'), f.position),
          childId: child,
          reviewDate: review,
          reviewCode: code(COLUMN.REVIEW_CODE),
          source,
        },
        { DOB: dob },
      );
      return;
    }
    case 'UASC': {
      const dob = f.date('DOB', get(COLUMN.DOB), s, WARNING_DATE);
      const duc = f.date('DUC', get(COLUMN.DUC), s);
      if (f.rejected || child === null) return;
      sink.add(
        'uasc',
        { id: sink.id('uasc', child, f.position), childId: child, dob, duc, source },
        { DOB: get(COLUMN.DOB), SEX: get(COLUMN.SEX) },
      );
      return;
    }
    case 'Missing': {
      const start = f.date('MIS_START', get(COLUMN.MIS_START), s, REQUIRED_DATE);
      const end = f.date('MIS_END', get(COLUMN.MIS_END), s);
      const missing = f.required('MISSING', code(COLUMN.MISSING));
      if (missing !== null && missing !== 'M' && missing !== 'A') {
        f.issue(
          'GEN-CODE',
          'error',
          'MISSING',
          missing,
          `MISSING '${missing}' is not M (missing) or A (away without authorisation)`,
        );
      }
      f.date('DOB', get(COLUMN.DOB), s, WARNING_DATE);
      if (f.rejected || child === null || start === null) return;
      sink.add(
        'missingEpisodes',
        {
          id: sink.id('missingEpisodes', [child, start, String(missing)].join('/'), f.position),
          childId: child,
          missing: missing as 'M' | 'A',
          start,
          end,
          source,
        },
        { DOB: get(COLUMN.DOB) },
      );
      return;
    }
    case 'SWEpisodes': {
      const start = f.date('SW_DECOM', get(COLUMN.SW_DECOM), s, REQUIRED_DATE);
      const end = f.date('SW_DEC', get(COLUMN.SW_DEC), s);
      const swId = f.required('SW_ID', code(COLUMN.SW_ID));
      f.date('DOB', get(COLUMN.DOB), s, WARNING_DATE);
      if (f.rejected || child === null || start === null || swId === null) return;
      sink.add(
        'swEpisodes',
        {
          id: sink.id('swEpisodes', [child, start].join('/'), f.position),
          childId: child,
          swId,
          start,
          end,
          reason: code(COLUMN.SW_REASON),
          source,
        },
        { DOB: get(COLUMN.DOB) },
      );
      return;
    }
    case 'OC2': {
      f.date('DOB', get(COLUMN.DOB), s, WARNING_DATE);
      const rec = {
        id: sink.id('oc2', child ?? '', f.position),
        childId: child ?? '',
        year: '',
        healthCheck: f.bool('HEALTH_CHECK', get(COLUMN.HEALTH_CHECK)),
        teethCheck: f.bool('TEETH_CHECK', get(COLUMN.TEETH_CHECK)),
        immunisations: f.bool('IMMUNISATIONS', get(COLUMN.IMMUNISATIONS)),
        healthAssessment: f.bool('HEALTH_ASSESSMENT', get(COLUMN.HEALTH_ASSESSMENT)),
        sdqScore: f.int('SDQ_SCORE', get(COLUMN.SDQ_SCORE), 0, 40),
        convicted: f.bool('CONVICTED', get(COLUMN.CONVICTED)),
        substanceMisuse: f.bool('SUBSTANCE_MISUSE', get(COLUMN.SUBSTANCE_MISUSE)),
        source,
      };
      f.bool('INTERVENTION_RECEIVED', get(COLUMN.INTERVENTION_RECEIVED));
      f.bool('INTERVENTION_OFFERED', get(COLUMN.INTERVENTION_OFFERED));
      if (f.rejected || child === null) return;
      sink.add('oc2', rec, { DOB: get(COLUMN.DOB), SDQ_REASON: code(COLUMN.SDQ_REASON) });
      return;
    }
    case 'OC3': {
      const dob = f.date('DOB', get(COLUMN.DOB), s, WARNING_DATE);
      if (f.rejected || child === null) return;
      sink.add('oc3', {
        id: sink.id('oc3', child, f.position),
        childId: child,
        year: '',
        dob,
        inTouch: code(COLUMN.IN_TOUCH),
        activ: code(COLUMN.ACTIV),
        accom: code(COLUMN.ACCOM),
        source,
      });
      return;
    }
    case 'AD1': {
      const dob = f.date('DOB', get(COLUMN.DOB), s, WARNING_DATE);
      const dateInt = f.date('DATE_INT', get(COLUMN.DATE_INT), s);
      const dateMatch = f.date('DATE_MATCH', get(COLUMN.DATE_MATCH), s);
      if (f.rejected || child === null) return;
      sink.add('ad1', {
        id: sink.id('ad1', child, f.position),
        childId: child,
        year: '',
        dob,
        dateInt,
        dateMatch,
        fosterCare: get(COLUMN.FOSTER_CARE),
        nbAdoptr: get(COLUMN.NB_ADOPTR),
        sexAdoptr: code(COLUMN.SEX_ADOPTR),
        lsAdoptr: code(COLUMN.LS_ADOPTR),
        source,
      });
      return;
    }
    case 'PlacedAdoption': {
      const dob = f.date('DOB', get(COLUMN.DOB), s, WARNING_DATE);
      const placed = f.date('DATE_PLACED', get(COLUMN.DATE_PLACED), s, REQUIRED_DATE);
      const ceased = f.date('DATE_PLACED_CEASED', get(COLUMN.DATE_PLACED_CEASED), s);
      if (f.rejected || child === null || placed === null) return;
      sink.add('placedAdoption', {
        id: sink.id('placedAdoption', [child, placed].join('/'), f.position),
        childId: child,
        dob,
        datePlaced: placed,
        datePlacedCeased: ceased,
        reasonPlacedCeased: code(COLUMN.REASON_PLACED_CEASED),
        source,
      });
      return;
    }
    case 'PrevPerm': {
      const dob = f.date('DOB', get(COLUMN.DOB), s, WARNING_DATE);
      const datePerm = f.date('DATE_PERM', get(COLUMN.DATE_PERM), s, WARNING_DATE);
      if (f.rejected || child === null) return;
      sink.add('prevPerm', {
        id: sink.id('prevPerm', child, f.position),
        childId: child,
        year: '',
        dob,
        prevPerm: code(COLUMN.PREV_PERM),
        laPerm: code(COLUMN.LA_PERM),
        datePerm,
        source,
      });
      return;
    }
    case 'DoLo': {
      const dob = f.date('DOB', get(COLUMN.DOB), s, WARNING_DATE);
      const start = f.date('DOLO_START', get(COLUMN.DOLO_START), s, REQUIRED_DATE);
      const end = f.date('DOLO_END', get(COLUMN.DOLO_END), s);
      if (f.rejected || child === null || start === null) return;
      sink.add('dolo', {
        id: sink.id('dolo', [child, start].join('/'), f.position),
        childId: child,
        dob,
        start,
        end,
        source,
      });
      return;
    }
  }
}

/** A supplied PL_DISTANCE: 0.0–999.9 is used; anything else is 903-DIST (warning) and derived later. */
function readDistance(raw: string | null, f: RowFields): number | null {
  if (raw === null) return null;
  const v = /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : NaN;
  if (Number.isNaN(v) || v > 999.9) {
    f.issue(
      '903-DIST',
      'warning',
      'PL_DISTANCE',
      raw,
      `PL_DISTANCE '${raw}' is not a distance from 0.0 to 999.9 miles; it will be derived from the postcodes`,
      '164',
    );
    return null;
  }
  return v;
}
