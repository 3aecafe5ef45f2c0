/**
 * A table whose entries are made on first use. The message tables hold a hundred zod schemas, and
 * making a schema costs: a content script that sends five kinds of message should not build the
 * other thirty-five at every page load. Each entry is an enumerable property (so `Object.keys`
 * lists them all without making any), which becomes a plain value the first time it is read.
 */
export function lazyEntries<T extends Record<string, () => unknown>>(makers: T): { readonly [K in keyof T]: ReturnType<T[K]> } {
  const table = {} as { [K in keyof T]: ReturnType<T[K]> };
  for (const key of Object.keys(makers) as (keyof T & string)[]) {
    Object.defineProperty(table, key, {
      enumerable: true,
      configurable: true,
      get() {
        const value = makers[key]!() as ReturnType<T[typeof key]>;
        Object.defineProperty(table, key, { value, enumerable: true, writable: false, configurable: false });
        return value;
      },
    });
  }
  return table;
}
