import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { Tabs } from '@/components/Tabs';

afterEach(cleanup);

const TABS = [
  { id: 'references', label: 'Referenser', panel: <p>lista</p> },
  { id: 'highlights', label: 'Markeringar', panel: <p>markeringar</p> },
];

const selected = () => screen.getAllByRole('tab').filter((t) => t.getAttribute('aria-selected') === 'true').map((t) => t.textContent);
const visiblePanels = () => [...document.querySelectorAll<HTMLElement>('[role="tabpanel"]')].filter((p) => !p.hidden).map((p) => p.textContent);

describe('Tabs', () => {
  test('a labelled tab list; the first tab and its panel are shown', () => {
    render(<Tabs label="Riksref" tabs={TABS} />);
    expect(screen.getByRole('tablist', { name: 'Riksref' })).toBeTruthy();
    expect(selected()).toEqual(['Referenser']);
    expect(visiblePanels()).toEqual(['lista']);
    expect(screen.getByRole('tabpanel', { name: 'Referenser' }).textContent).toBe('lista');
  });

  test('a click selects a tab', () => {
    render(<Tabs label="Riksref" tabs={TABS} />);
    fireEvent.click(screen.getByRole('tab', { name: 'Markeringar' }));
    expect(selected()).toEqual(['Markeringar']);
    expect(visiblePanels()).toEqual(['markeringar']);
  });

  test('keyboard: one Tab stop, arrows wrap, Home and End, focus follows', () => {
    render(<Tabs label="Riksref" tabs={TABS} />);
    const [first, second] = screen.getAllByRole('tab') as [HTMLElement, HTMLElement];
    expect([first.tabIndex, second.tabIndex]).toEqual([0, -1]);
    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(second);
    expect(selected()).toEqual(['Markeringar']);
    expect([first.tabIndex, second.tabIndex]).toEqual([-1, 0]);
    fireEvent.keyDown(second, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(first);
    fireEvent.keyDown(first, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(second);
    fireEvent.keyDown(second, { key: 'Home' });
    expect(selected()).toEqual(['Referenser']);
    fireEvent.keyDown(first, { key: 'End' });
    expect(selected()).toEqual(['Markeringar']);
    fireEvent.keyDown(second, { key: 'a' });
    expect(selected()).toEqual(['Markeringar']);
  });
});
