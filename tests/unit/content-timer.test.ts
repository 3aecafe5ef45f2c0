import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { Timer } from '@/entrypoints/content/timer';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

test('started again, it runs once, from the last start', () => {
  const controller = new AbortController();
  const task = vi.fn();
  const timer = new Timer(controller.signal, task);
  timer.start(100);
  vi.advanceTimersByTime(80);
  timer.start(100);
  vi.advanceTimersByTime(80);
  expect(task).not.toHaveBeenCalled();
  expect(timer.pending).toBe(true);
  vi.advanceTimersByTime(20);
  expect(task).toHaveBeenCalledTimes(1);
  expect(timer.pending).toBe(false);
});

test('never runs after its signal aborts, started before or after', () => {
  const controller = new AbortController();
  const task = vi.fn();
  const timer = new Timer(controller.signal, task);
  timer.start(10);
  controller.abort();
  timer.start(10);
  vi.advanceTimersByTime(100);
  expect(task).not.toHaveBeenCalled();
});

test('one listener on the signal however often it is started (WXT adds one per call)', () => {
  const controller = new AbortController();
  const add = vi.spyOn(controller.signal, 'addEventListener');
  const timer = new Timer(controller.signal, () => {});
  for (let i = 0; i < 1000; i++) timer.start(5);
  expect(add).toHaveBeenCalledTimes(1);
  timer.cancel();
  vi.advanceTimersByTime(10);
  expect(timer.pending).toBe(false);
});
