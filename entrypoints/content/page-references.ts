import type { LinkedReference } from '@/lib/page';
import type { LookupResult } from '@/lib/messages';

export type MetadataState = { status: 'loading' } | LookupResult;

/**
 * The references on this page and their metadata: written by the linking and metadata features,
 * read by the hover cards and the side panel. A small observable store, nothing more.
 */
export class PageReferences {
  private linked: ReadonlyMap<string, LinkedReference> = new Map();
  private complete = false;
  private metadata = new Map<string, MetadataState>();
  private listeners = new Set<() => void>();
  private retryHandler: ((ids: string[]) => void) | null = null;

  /** Every linked reference by its `data-riksref-ref` key. */
  get all(): ReadonlyMap<string, LinkedReference> {
    return this.linked;
  }

  /**
   * The distinct canonical ids on the page, in the order they were first linked (the reader's
   * part of the page first). Straight from the map into a set: on a reference-dense page the two
   * arrays this used to make on the way cost more than the set.
   */
  ids(): string[] {
    const ids = new Set<string>();
    for (const ref of this.linked.values()) ids.add(ref.id);
    return [...ids];
  }

  /**
   * The linking feature's live map (not copied: a long document publishes it every chunk), and
   * whether the page has been linked to its end (`done`), so that nothing waits for more chunks.
   */
  setLinked(linked: ReadonlyMap<string, LinkedReference>, done = true): void {
    this.linked = linked;
    this.complete = done;
    this.notify();
  }

  /** True once the whole page is linked; false while a long page is linked chunk by chunk. */
  get linkingDone(): boolean {
    return this.complete;
  }

  metadataOf(id: string): MetadataState | undefined {
    return this.metadata.get(id);
  }

  setMetadata(entries: Iterable<[string, MetadataState]>): void {
    for (const [id, state] of entries) this.metadata.set(id, state);
    this.notify();
  }

  /** Asks again for metadata that could not be fetched (the card's "Försök igen"). */
  retry(ids: string[]): void {
    this.retryHandler?.(ids);
  }

  onRetry(handler: (ids: string[]) => void): void {
    this.retryHandler = handler;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    for (const listener of this.listeners) {
      try {
        listener();
      } catch (error) {
        console.warn('[Riksref]', error);
      }
    }
  }
}
