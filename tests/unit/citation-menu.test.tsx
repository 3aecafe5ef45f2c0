import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { RefCard, type CardState } from '@/components/RefCard';

afterEach(cleanup);

/*
 * "Kopiera hänvisning" as a menu button, from the keyboard (WAI-ARIA's menu button pattern), on
 * the document card; the law card uses the same component.
 */

const FOUND: CardState = {
  status: 'found',
  meta: {
    id: 'dir:2017:75',
    dokId: 'H5B175',
    kind: 'dir',
    label: 'dir. 2017:75',
    title: 'Informationsutbyte vid samverkan mot terrorism',
    url: 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/kommittedirektiv/_H5B175',
    fetchedAt: 1,
  },
};

const button = () => screen.getByRole('button', { name: 'Kopiera hänvisning' });
const key = (target: Element, name: string) => fireEvent.keyDown(target, { key: name });

function setup() {
  const onCopy = vi.fn(async () => {});
  const onDocumentKey = vi.fn();
  render(<RefCard id="dir:2017:75" state={FOUND} onCopy={onCopy} />);
  document.addEventListener('keydown', onDocumentKey);
  return { onCopy, onDocumentKey, done: () => document.removeEventListener('keydown', onDocumentKey) };
}

describe('the copy menu from the keyboard', () => {
  test('a menu button: closed, then open on its first choice; the choices are not Tab stops', async () => {
    const { done } = setup();
    expect(button().getAttribute('aria-haspopup')).toBe('menu');
    expect(button().getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('menu')).toBeNull();
    button().focus();
    key(button(), 'ArrowDown');
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Svensk hänvisning'));
    expect(button().getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('menu').getAttribute('aria-label')).toBe('Kopiera hänvisning som');
    expect(screen.getAllByRole('menuitem').every((item) => item.tabIndex === -1 && item.tagName !== 'BUTTON')).toBe(true);
    done();
  });

  test('arrows (wrapping), Home and End move; Enter copies the focused format, closes and gives focus back', async () => {
    const { onCopy, done } = setup();
    fireEvent.click(button());
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Svensk hänvisning'));
    const focused = () => document.activeElement!.textContent;
    key(document.activeElement!, 'ArrowUp');
    expect(focused()).toBe('CSL-JSON');
    key(document.activeElement!, 'ArrowDown');
    expect(focused()).toBe('Svensk hänvisning');
    key(document.activeElement!, 'End');
    key(document.activeElement!, 'ArrowUp');
    expect(focused()).toBe('BibTeX');
    key(document.activeElement!, 'Home');
    key(document.activeElement!, 'ArrowDown');
    expect(focused()).toBe('RIS (Zotero, EndNote)');
    key(document.activeElement!, 'Enter');
    expect(onCopy).toHaveBeenCalledWith('ris');
    await waitFor(() => expect(screen.queryByRole('menu')).toBeNull());
    expect(document.activeElement).toBe(button());
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Kopierat: RIS (Zotero, EndNote).'));
    done();
  });

  test('Escape closes the menu, not the card: it goes no further than the menu', async () => {
    const { onCopy, onDocumentKey, done } = setup();
    fireEvent.click(button());
    await waitFor(() => expect(screen.getByRole('menu')).toBeTruthy());
    key(document.activeElement!, 'Escape');
    await waitFor(() => expect(screen.queryByRole('menu')).toBeNull());
    expect(document.activeElement).toBe(button());
    expect(onDocumentKey).not.toHaveBeenCalled();
    expect(onCopy).not.toHaveBeenCalled();
    // With the menu closed, Escape is the card's again.
    key(button(), 'Escape');
    expect(onDocumentKey).toHaveBeenCalledTimes(1);
    done();
  });

  test('an Escape that reaches the button while the menu is open (focus not moved yet) is still the menu\'s', async () => {
    const { onDocumentKey, done } = setup();
    fireEvent.click(button());
    await waitFor(() => expect(screen.getByRole('menu')).toBeTruthy());
    key(button(), 'Escape');
    await waitFor(() => expect(screen.queryByRole('menu')).toBeNull());
    expect(onDocumentKey).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(button());
    done();
  });

  test('Tab closes it with focus on the button, so Tab goes on from there', async () => {
    const { onCopy, done } = setup();
    fireEvent.click(button());
    await waitFor(() => expect(screen.getByRole('menu')).toBeTruthy());
    key(document.activeElement!, 'Tab');
    expect(document.activeElement).toBe(button());
    await waitFor(() => expect(screen.queryByRole('menu')).toBeNull());
    expect(onCopy).not.toHaveBeenCalled();
    done();
  });

  test('a second click on the button closes it; a new reference starts closed and without the old note', async () => {
    const onCopy = vi.fn(async () => {});
    const { rerender } = render(<RefCard id="dir:2017:75" state={FOUND} onCopy={onCopy} />);
    fireEvent.click(button());
    await waitFor(() => expect(screen.getByRole('menu')).toBeTruthy());
    fireEvent.click(button());
    await waitFor(() => expect(screen.queryByRole('menu')).toBeNull());
    fireEvent.click(button());
    fireEvent.click(await screen.findByRole('menuitem', { name: 'BibTeX' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Kopierat: BibTeX.'));
    fireEvent.click(button());
    await screen.findByRole('menu');
    rerender(<RefCard id="sou:2018:65" state={{ status: 'not-found' }} onCopy={onCopy} />);
    await waitFor(() => expect(screen.queryByRole('menu')).toBeNull());
    expect(screen.getByRole('status').textContent).toBe('');
  });
});
