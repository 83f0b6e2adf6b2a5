/**
 * Test helper: runs a command's function with `console.log` silenced (what it prints to the terminal), and
 * gives its result.
 * @example const edition = await quiet(() => runPublish({ period: '2021-22-Q3', la: '841', db: url }))
 */
export const quiet = <T>(f: () => Promise<T>): Promise<T> => {
  const log = console.log;
  console.log = () => {};
  return f().finally(() => {
    console.log = log;
  });
};
