// One writer at a time: a handler that reads records and writes them back (an HOTP counter, a
// used mark, the 50-token cap, a duplicate check) runs its read and its commit under this lock,
// so two messages arriving together can't both hand out the same code or token.

let tail: Promise<unknown> = Promise.resolve();

export function serialized<T>(fn: () => Promise<T>): Promise<T> {
  const run = tail.then(fn, fn);
  tail = run.catch(() => undefined);
  return run;
}
