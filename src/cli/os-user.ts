import { userInfo } from 'node:os';

/**
 * The operating-system user running `cspi`, for the audit log: `os.userInfo().username`, else (no entry for
 * the process's uid, e.g. a container run with an arbitrary uid) the `USER` or `USERNAME` environment
 * variable, else `unknown`. Not a proof of identity (the environment can say anything), but it names the
 * person at the keyboard in the ordinary case, where "command line" alone named nobody.
 * @example osUserName(() => 'jsmith', {}) //=> 'jsmith'
 * @example osUserName(() => { throw new Error('no passwd entry') }, { USERNAME: 'JSmith' }) //=> 'JSmith'
 */
export function osUserName(
  username: () => string = () => userInfo().username,
  env: Readonly<Record<string, string | undefined>> = process.env,
): string {
  let name = '';
  try {
    name = username().trim();
  } catch {
    // No user database entry for this uid: the environment's name instead.
  }
  return name || env['USER']?.trim() || env['USERNAME']?.trim() || 'unknown';
}

/**
 * The actor of an audit entry written by a `cspi` command (a publish, refused or not; a child-level list; a
 * user added or disabled): "command line" and the operating-system user ({@link osUserName}), as the
 * dashboard's entries name the signed-in user.
 * @example commandLineActor('jsmith') //=> 'command line (jsmith)'
 */
export function commandLineActor(user: string = osUserName()): string {
  return `command line (${user})`;
}
