import { expect, test } from 'vitest';
import { isWhiteSpace } from '@/lib/page/white-space';

test('isWhiteSpace agrees with /\\s/ on every UTF-16 code unit', () => {
  const differ: number[] = [];
  for (let code = 0; code <= 0xffff; code++) {
    if (isWhiteSpace(code) !== /\s/.test(String.fromCharCode(code))) differ.push(code);
  }
  expect(differ).toEqual([]);
});
