import { describe, expect, test } from 'vitest';
import { lineToStandBy, outOfView } from '@/entrypoints/content/card-line';

// A reference that wraps: "SOU" at the end of one line, "2018:65" at the start of the next.
const endOfLine = { left: 600, top: 100, right: 640, bottom: 120 };
const startOfNext = { left: 40, top: 120, right: 110, bottom: 140 };

describe('lineToStandBy', () => {
  test('one line: that line', () => {
    expect(lineToStandBy([endOfLine])).toEqual(endOfLine);
  });

  test('two lines, the pointer on one: that one', () => {
    expect(lineToStandBy([endOfLine, startOfNext], { x: 620, y: 110 })).toEqual(endOfLine);
    expect(lineToStandBy([endOfLine, startOfNext], { x: 60, y: 130 })).toEqual(startOfNext);
  });

  test('two lines and no pointer (keyboard): below the last line, from its start', () => {
    expect(lineToStandBy([endOfLine, startOfNext])).toEqual({ left: 40, right: 110, top: 100, bottom: 140 });
  });

  test('empty line boxes are passed over; none at all is null', () => {
    expect(lineToStandBy([{ left: 5, top: 5, right: 5, bottom: 5 }, endOfLine])).toEqual(endOfLine);
    expect(lineToStandBy([])).toBeNull();
  });
});

test('outOfView: only a box wholly outside the viewport', () => {
  expect(outOfView({ left: 10, top: -30, right: 50, bottom: -10 }, 1280, 900)).toBe(true);
  expect(outOfView({ left: 10, top: 890, right: 50, bottom: 910 }, 1280, 900)).toBe(false);
  expect(outOfView({ left: 10, top: 910, right: 50, bottom: 930 }, 1280, 900)).toBe(true);
});
