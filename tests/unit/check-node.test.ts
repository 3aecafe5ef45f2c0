import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

/*
 * scripts/check-node.cjs, run first by `npm test`, `npm run demo` and `npm run bench`: on a Node.js
 * older than package.json's engines it stops at once and says what to install.
 */

const SCRIPT = join(process.cwd(), 'scripts/check-node.cjs');
const { minimumOf, tooOld, message } = createRequire(import.meta.url)(SCRIPT) as {
  minimumOf(range: string | undefined): [number, number] | null;
  tooOld(version: string, minimum: [number, number]): boolean;
  message(version: string, minimum: [number, number], execPath: string): string;
};

/** The machine's own Node, when it is an older one (Debian's, beside the project's Node 22). */
const OLD_NODE = ['/usr/bin/node', '/bin/node'].find((path) => {
  if (!existsSync(path)) return false;
  const run = spawnSync(path, ['-p', 'process.versions.node'], { encoding: 'utf8' });
  return run.status === 0 && Number(run.stdout.split('.')[0]) < 22;
});

describe('check-node', () => {
  test('reads the minimum from engines, and compares majors then minors', () => {
    expect(minimumOf('>=22.12')).toEqual([22, 12]);
    expect(minimumOf('>= 22')).toEqual([22, 0]);
    expect(minimumOf(undefined)).toBeNull();
    expect(tooOld('20.20.2', [22, 12])).toBe(true);
    expect(tooOld('v22.11.0', [22, 12])).toBe(true);
    expect(tooOld('22.12.0', [22, 12])).toBe(false);
    expect(tooOld('24.0.0', [22, 12])).toBe(false);
  });

  test('the message says what is wrong and what to install', () => {
    const text = message('v20.20.2', [22, 12], '/usr/bin/node');
    expect(text).toMatch(/^Riksref needs Node\.js 22\.12 or later; this is Node\.js 20\.20\.2 \(\/usr\/bin\/node\)\./);
    expect(text).toContain('Install Node.js 22');
    expect(text).toContain('nvm install 22');
  });

  test('on this Node (the project’s): silent, and on it goes', () => {
    const run = spawnSync(process.execPath, [SCRIPT], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
  });

  test.skipIf(!OLD_NODE)(`on the machine's older Node (${OLD_NODE ?? 'none here'}): stops with the message`, () => {
    const run = spawnSync(OLD_NODE!, [SCRIPT], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^Riksref needs Node\.js 22\.12 or later; this is Node\.js 20\./);
  });
});
