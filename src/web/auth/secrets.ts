import { randomBytes } from 'node:crypto';
import type { Database } from '../../store/database.js';

/**
 * A server secret kept in the store (created on first use), e.g. the key for pseudonymous child ids, so
 * pseudonyms stay the same across restarts and across servers sharing one database.
 * @example const key = await serverSecret(db, 'pseudonym-key')
 */
export async function serverSecret(db: Database, name: string): Promise<Buffer> {
  const found = await db.get<{ value: string }>('SELECT value FROM web_secrets WHERE name = ?', [name]);
  if (found) return Buffer.from(found.value, 'base64');
  const value = randomBytes(32).toString('base64');
  await db.run('INSERT INTO web_secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING', [
    name,
    value,
  ]);
  const row = await db.get<{ value: string }>('SELECT value FROM web_secrets WHERE name = ?', [name]);
  return Buffer.from(row!.value, 'base64');
}
