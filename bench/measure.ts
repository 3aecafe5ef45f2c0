/** One measured figure: the median of several runs, with the spread. */
export interface Result {
  name: string;
  medianMs: number;
  minMs: number;
  maxMs: number;
  runs: number;
  /** Throughput over the input, when the input has a size. */
  mbPerSecond?: number;
  note?: string;
}

/** A table of results measured side by side in one run, with the targets they answer to. */
export interface Section {
  title: string;
  results: Result[];
  /** DESIGN.md's targets for this section, each with whether this run met it. */
  targets?: Array<{ target: string; measured: string; met: boolean }>;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** A Result from raw run times (ms), with throughput when `bytes` is given. */
export function summarize(name: string, times: number[], bytes?: number, note?: string): Result {
  const medianMs = median(times);
  return {
    name,
    medianMs,
    minMs: Math.min(...times),
    maxMs: Math.max(...times),
    runs: times.length,
    ...(bytes !== undefined && { mbPerSecond: bytes / 1e6 / (medianMs / 1000) }),
    ...(note !== undefined && { note }),
  };
}

/** Times `fn` over `runs` runs after `warmup` unmeasured ones. */
export function measure(name: string, bytes: number, fn: () => void, runs = 9, warmup = 3): Result {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return summarize(name, times, bytes);
}

/**
 * Times several functions over the same input in turns after `warmup` unmeasured turns, so that
 * each meets the same warmth: measured one after the other, the first was still warming up while
 * the last was not (a regular expression's pass fell from 11 to 6.5 ms over its first ten runs,
 * and the ratio against it moved with it). Every other turn runs in the reverse order, so that
 * each function follows a different one from turn to turn and none always starts among the
 * garbage of the same neighbour. (A full collection before each call was tried: V8 then shrinks
 * its young generation, and whatever allocates most runs half again as slow as it ever does.)
 */
export function measureTogether(bytes: number, entries: ReadonlyArray<{ name: string; fn: () => void }>, runs = 10, warmup = 10): Result[] {
  for (let i = 0; i < warmup; i++) for (const { fn } of entries) fn();
  const times = entries.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) {
    for (let j = 0; j < entries.length; j++) {
      const k = i % 2 === 0 ? j : entries.length - 1 - j;
      const t0 = performance.now();
      entries[k]!.fn();
      times[k]!.push(performance.now() - t0);
    }
  }
  return entries.map(({ name }, k) => summarize(name, times[k]!, bytes));
}

const ms = (value: number) => value.toFixed(1);

export function printSection(section: Section): void {
  console.log(`\n${section.title}`);
  for (const r of section.results) {
    const rate = r.mbPerSecond !== undefined ? `${r.mbPerSecond.toFixed(1).padStart(8)} MB/s` : ''.padStart(13);
    console.log(
      `  ${r.name.padEnd(48)} ${ms(r.medianMs).padStart(8)} ms (${ms(r.minMs)}–${ms(r.maxMs)}) ${rate}${r.note ? `   ${r.note}` : ''}`,
    );
  }
  for (const t of section.targets ?? []) console.log(`  ${t.met ? 'met ' : 'MISS'}  ${t.target}: ${t.measured}`);
}

/** The run as Markdown, for bench/results.md and the README. */
export function toMarkdown(sections: Section[], environment: string): string {
  const lines = [`Measured ${new Date().toISOString().slice(0, 10)} on ${environment} by \`npm run bench\`.`, ''];
  for (const section of sections) {
    lines.push(`### ${section.title}`, '', '| what | median | min–max | runs | throughput | note |', '| --- | ---: | ---: | ---: | ---: | --- |');
    for (const r of section.results) {
      const rate = r.mbPerSecond !== undefined ? `${r.mbPerSecond.toFixed(1)} MB/s` : '';
      lines.push(`| ${r.name} | ${ms(r.medianMs)} ms | ${ms(r.minMs)}–${ms(r.maxMs)} ms | ${r.runs} | ${rate} | ${r.note ?? ''} |`);
    }
    if (section.targets?.length) {
      lines.push('', '| target (DESIGN.md) | this run | met |', '| --- | --- | --- |');
      for (const t of section.targets) lines.push(`| ${t.target} | ${t.measured} | ${t.met ? 'yes' : '**no**'} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
