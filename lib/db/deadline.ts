/**
 * Waits for `work`, but no longer than `ms`: resolves true when it finished in time, false when
 * the time ran out (the work goes on; whoever started it decides what to do with a late result).
 * A hover card must leave its loading state within the request timeout whatever the service does
 * (DESIGN.md), and a lookup may hide several requests (a law's text after its status, retries).
 */
export function within(work: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    work.then(
      () => {
        clearTimeout(timer);
        resolve(true);
      },
      () => {
        clearTimeout(timer);
        resolve(true);
      },
    );
  });
}
