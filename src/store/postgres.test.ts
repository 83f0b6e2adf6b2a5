import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseIntoClientConfig } from 'pg-connection-string';
import { withLogin } from './postgres.js';

// An LA's pool reaches the hub's database as the LA's login role: only the credentials change, whatever form
// the hub's URL takes (pg reads `user` and `password` parameters before the URL's own credentials).
test("a login role's URL keeps the hub's host, database and parameters, with the role's credentials only", () => {
  const cases = [
    'postgres://cspi:s3cret@db.example:5433/hub?sslmode=verify-full',
    'postgres://db.example/hub?user=cspi&password=s3cret',
    'postgres:///hub',
    'postgres://%2Fvar%2Frun%2Fpostgresql/hub',
  ];
  for (const url of cases) {
    const owner = parseIntoClientConfig(url);
    const la = parseIntoClientConfig(withLogin(url, 'cspi_la_reader_E06000005', 'p/w+=_-'));
    assert.equal(la.user, 'cspi_la_reader_E06000005', url);
    assert.equal(la.password, 'p/w+=_-', url);
    assert.deepEqual(
      { ...la, user: undefined, password: undefined },
      { ...owner, user: undefined, password: undefined },
      url,
    );
  }
});
