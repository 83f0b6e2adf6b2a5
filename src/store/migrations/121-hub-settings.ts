import type { Migration } from '../database.js';

/**
 * A hub's settings (issue 7: "aggregates across LAs are shared per the hub's settings"): one row per
 * setting, its value as text, who set it and when (each change is also in the audit log). The first is
 * `sharing.minOtherLas`, the fewest other LAs an aggregate shown to an LA may be made of
 * (src/hub/hub-settings.ts); without a row the default applies.
 */
export const migration: Migration = {
  id: '121-hub-settings',
  sql: `
CREATE TABLE hub_settings (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  set_by TEXT NOT NULL,
  set_at TEXT NOT NULL
);
`,
};
