import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { readSsdContactOutcome } from './ssd-contact-outcome.js';

/** An SSD flags object as the current SQL Server script writes it: every key, '' when not recorded. */
function current(yes: readonly string[], comments = ''): string {
  const keys = [
    'NEW_REFERRAL_FLAG',
    'EXISTING_REFERRAL_FLAG',
    'CP_ENQUIRY_FLAG',
    'NFA_FLAG',
    'NON_AGENCY_ADOPTION_FLAG',
    'PRIVATE_FOSTERING_FLAG',
    'ADVICE_FLAG',
    'MISSING_FLAG',
    'OLA_CP_FLAG',
    'OTHER_OUTCOMES_EXIST_FLAG',
  ];
  const o: Record<string, unknown> = {};
  for (const k of keys) o[k] = yes.includes(k) ? 'Y' : 'N';
  o['NUMBER_OF_OUTCOMES'] = yes.length;
  o['COMMENTS'] = comments;
  return JSON.stringify(o);
}

function outcome(raw: string): string | null {
  const r = readSsdContactOutcome(raw);
  assert.ok(r.ok, `expected ${raw} to be read`);
  return r.outcome;
}

function problem(raw: string): { problem: string; shown: string } {
  const r = readSsdContactOutcome(raw);
  assert.ok(!r.ok, `expected ${raw} not to be read`);
  return { problem: r.problem, shown: r.shown };
}

describe('readSsdContactOutcome: SSD flag objects', () => {
  it('reads each outcome flag of the current keys (no OUTCOME_ prefix)', () => {
    assert.equal(outcome(current(['NEW_REFERRAL_FLAG'])), 'referral');
    assert.equal(outcome(current(['EXISTING_REFERRAL_FLAG'])), 'referral');
    assert.equal(outcome(current(['CP_ENQUIRY_FLAG'])), 'referral');
    assert.equal(outcome(current(['NFA_FLAG'])), 'nfa');
    assert.equal(outcome(current(['ADVICE_FLAG'])), 'nfa');
    for (const k of [
      'NON_AGENCY_ADOPTION_FLAG',
      'PRIVATE_FOSTERING_FLAG',
      'MISSING_FLAG',
      'OLA_CP_FLAG',
      'OTHER_OUTCOMES_EXIST_FLAG',
    ]) {
      assert.equal(outcome(current([k])), 'other', k);
    }
  });

  it('reads the early keys with the OUTCOME_ prefix, null flags left out (FOR JSON drops nulls)', () => {
    assert.equal(outcome('{"OUTCOME_NEW_REFERRAL_FLAG":"Y","OUTCOME_NFA_FLAG":"N"}'), 'referral');
    assert.equal(outcome('{"OUTCOME_NFA_FLAG":"Y"}'), 'nfa');
    assert.equal(outcome('{"OUTCOME_MISSING_FLAG":"Y","OTHER_OUTCOMES_EXIST_FLAG":"Y"}'), 'other');
    // Oracle's JSON_OBJECT keeps nulls; lower-case keys and values, booleans.
    assert.equal(outcome('{"outcome_cp_enquiry_flag":"y","outcome_nfa_flag":null}'), 'referral');
    assert.equal(outcome('{"NFA_FLAG":true,"NEW_REFERRAL_FLAG":false}'), 'nfa');
  });

  it('gives referral precedence over early help, early help over nfa, nfa over other', () => {
    assert.equal(outcome(current(['NFA_FLAG', 'NEW_REFERRAL_FLAG', 'MISSING_FLAG'])), 'referral');
    assert.equal(outcome('{"EH_REFERRAL_FLAG":"Y","NFA_FLAG":"Y"}'), 'early-help');
    assert.equal(outcome('{"OUTCOME_EARLY_HELP_FLAG":"Y","NEW_REFERRAL_FLAG":"Y"}'), 'referral');
    assert.equal(outcome(current(['ADVICE_FLAG', 'PRIVATE_FOSTERING_FLAG'])), 'nfa');
  });

  it('reads no outcome when no flag is Y (all N or blank)', () => {
    assert.equal(outcome(current([])), null);
    assert.equal(outcome('{"NEW_REFERRAL_FLAG":"","NFA_FLAG":"","COMMENTS":""}'), null);
  });

  it('reads the flags before comment text that broke the JSON (unescaped quote, line break, cut at 500)', () => {
    assert.equal(
      outcome(
        '{"NEW_REFERRAL_FLAG": "Y", "NFA_FLAG": "N", "NUMBER_OF_OUTCOMES": 1, "COMMENTS": "Mum said "no""}',
      ),
      'referral',
    );
    assert.equal(outcome('{"OUTCOME_NFA_FLAG":"Y","OUTCOME_COMMENTS":"line one\nline two'), 'nfa');
  });

  it('does not read a malformed object, one without flags, or a flag that is not Y/N', () => {
    assert.match(problem('{"NEW_REFERRAL_FLAG": Y}').problem, /not a valid JSON object/);
    assert.match(problem('{"NEW_REFERRAL_FLAG":"Y"').problem, /not a valid JSON object/);
    assert.match(problem('{"COMMENTS":"x"}').problem, /no outcome flags/);
    assert.match(problem('{"NEW_REFERRAL_FLAG":"Maybe"}').problem, /NEW_REFERRAL_FLAG is not Y, N or blank/);
    assert.match(problem('{}').problem, /no outcome flags/);
  });

  it('never shows the comments: flags alone for an object, the text before the comments when malformed', () => {
    const secret = 'Child disclosed at school';
    const noFlag = problem(`{"NEW_REFERRAL_FLAG":"Maybe","COMMENTS":"${secret}","NOTE":"${secret}"}`);
    assert.equal(noFlag.shown, '{"NEW_REFERRAL_FLAG":"Maybe"}');
    const broken = problem(`{"NEW_REFERRAL_FLAG": Y, "OUTCOME_COMMENTS": "${secret}"}`);
    assert.equal(broken.shown, '{"NEW_REFERRAL_FLAG": Y, ');
    for (const p of [noFlag, broken]) {
      assert.doesNotMatch(p.shown, /disclosed/);
      assert.doesNotMatch(p.problem, /disclosed/);
    }
    const read = readSsdContactOutcome(current([], secret));
    assert.ok(read.ok);
    assert.doesNotMatch(read.shown, /disclosed|COMMENTS|NUMBER_OF/);
  });
});

describe('readSsdContactOutcome: labels in the column', () => {
  it("reads the labels LAs' scripts write, case ignored", () => {
    assert.equal(outcome('CIN Referral'), 'referral');
    assert.equal(outcome('Social Care Referral'), 'referral');
    assert.equal(outcome('social care'), 'referral');
    assert.equal(outcome('New referral'), 'referral');
    assert.equal(outcome('S47 / strategy discussion'), 'referral');
    assert.equal(outcome('EH Referral'), 'early-help');
    assert.equal(outcome('Referral to Early Help'), 'early-help');
    assert.equal(outcome('NFA'), 'nfa');
    assert.equal(outcome('No Further Action'), 'nfa');
    assert.equal(outcome('Advice and information'), 'nfa');
  });

  it("reads cspi's own codes", () => {
    assert.equal(outcome('referral'), 'referral');
    assert.equal(outcome('nfa'), 'nfa');
    assert.equal(outcome('early-help'), 'early-help');
    assert.equal(outcome('Early_Help'), 'early-help');
    assert.equal(outcome('other'), 'other');
  });

  it('does not read unknown or unclear text', () => {
    for (const t of [
      'Private fostering',
      'Closed',
      'No referral required',
      'EH and CIN referral',
      'NFA - EH',
    ]) {
      const p = problem(t);
      assert.match(p.problem, /names no single outcome/, t);
      assert.equal(p.shown, t);
    }
  });
});
