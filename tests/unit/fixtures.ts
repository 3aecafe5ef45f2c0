import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Vitest runs from the project root; import.meta.url is not a file: URL under happy-dom.
export const FIXTURES = join(process.cwd(), 'tests/fixtures');

export function readFixture(path: string): string {
  return readFileSync(join(FIXTURES, path), 'utf8');
}
