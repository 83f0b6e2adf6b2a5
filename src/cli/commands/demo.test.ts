import { test } from 'node:test';
import assert from 'node:assert/strict';
import { demoAccountsHeading } from './demo.js';

test('cspi demo names the accounts file under its --out, as typed from the current folder', () => {
  assert.equal(
    demoAccountsHeading('/work/out/demo/demo-accounts.json', '/work'),
    'Demo accounts (LA 841; passwords also in out/demo/demo-accounts.json):',
  );
  assert.equal(
    demoAccountsHeading('/work/elsewhere/demo/demo-accounts.json', '/work'),
    'Demo accounts (LA 841; passwords also in elsewhere/demo/demo-accounts.json):',
  );
  assert.equal(
    demoAccountsHeading('/tmp/d/demo/demo-accounts.json', '/work'),
    'Demo accounts (LA 841; passwords also in /tmp/d/demo/demo-accounts.json):',
    'outside the current folder: the whole path',
  );
});
