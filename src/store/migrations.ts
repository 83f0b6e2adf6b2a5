import type { Migration } from './database.js';

/**
 * Every schema change, in the order applied. Append new ones at the end (a file
 * `store/migrations/NNN-name.ts` exporting `migration: Migration` in SQL both SQLite and PostgreSQL accept);
 * never edit or reorder one that has shipped.
 */
export const MIGRATIONS: readonly Migration[] = [];
