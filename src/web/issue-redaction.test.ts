import { test } from 'node:test';
import assert from 'node:assert/strict';
import { redactIssueMessage } from './issue-redaction.js';

const p = (id: string) => `P-${id.length}`;

test('the child id becomes its pseudonym; dates stay unless the message is about a birth date', () => {
  assert.equal(
    redactIssueMessage(
      {
        childId: 'C9',
        field: 'DECOM',
        value: '2021-05-01',
        message: 'ended X1 on 01/05/2021 but no episode of child C9 starts that day',
      },
      p,
    ),
    'ended X1 on 01/05/2021 but no episode of child P-2 starts that day',
  );
  assert.equal(
    redactIssueMessage(
      {
        childId: '123',
        field: 'DECOM',
        value: '2021-05-01',
        message: "line 1234: DECOM 01/05/2021 is before child 123's date of birth 03/06/2021",
      },
      p,
    ),
    "line 1234: DECOM [withheld] is before child P-3's date of birth [withheld]",
  );
});

test('a personal field’s value, UPNs and postcodes are withheld; codes are not', () => {
  assert.equal(
    redactIssueMessage(
      {
        childId: null,
        field: 'HOME_POST',
        value: 'dl1 5qt',
        message: "HOME_POST 'dl1 5qt' is not a postcode",
      },
      p,
    ),
    "HOME_POST '[withheld]' is not a postcode",
  );
  assert.equal(
    redactIssueMessage(
      {
        childId: null,
        field: 'LS',
        value: 'Z9',
        message: "UPN A12345678901B and LS 'Z9' is not a valid code",
      },
      p,
    ),
    "UPN [withheld] and LS 'Z9' is not a valid code",
  );
});
