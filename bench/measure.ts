export interface Result {
  name: string;
  medianMs: number;
  mbPerSecond: number;
  note?: string;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Median wall time of `runs` runs after `warmup` unmeasured ones, and throughput over `bytes`. */
export function measure(name: string, bytes: number, fn: () => void, runs = 9, warmup = 3): Result {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const medianMs = times[Math.floor(times.length / 2)]!;
  return { name, medianMs, mbPerSecond: bytes / 1e6 / (medianMs / 1000) };
}

export function printTable(title: string, results: Result[]): void {
  console.log(`\n${title}`);
  for (const r of results) {
    console.log(
      `  ${r.name.padEnd(44)} ${r.medianMs.toFixed(1).padStart(8)} ms ${r.mbPerSecond.toFixed(1).padStart(8)} MB/s${r.note ? `   ${r.note}` : ''}`,
    );
  }
}
