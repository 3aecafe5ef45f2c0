// Citation.js ships no types. The tests use it only to read our exports back, through these calls.
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown, options?: { generateGraph?: boolean });
    data: Record<string, unknown>[];
  }
  export const plugins: {
    input: { chain(data: unknown, options?: { generateGraph?: boolean; forceType?: string }): Record<string, unknown>[] };
  };
}
declare module '@citation-js/plugin-ris';
