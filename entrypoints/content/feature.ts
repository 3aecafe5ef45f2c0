import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { DetectedPage } from '@/lib/page';
import type { PageReferences } from './page-references';

/**
 * What a feature gets while it runs on one document page. Everything it registers through `ctx`
 * or `signal` dies with it: on navigation, when the region is replaced, and when the extension
 * is updated or reloaded.
 */
export interface FeatureScope {
  page: DetectedPage;
  ctx: ContentScriptContext;
  /** Aborted when the feature stops. */
  signal: AbortSignal;
  /** Runs DOM writes that the page watcher must not report back as the page's own changes. */
  quietly<T>(write: () => T): T;
  /** Called (debounced) with the blocks of the region that the page itself added or changed. */
  onRegionChange(handler: (changed: Element[]) => void): void;
  /** The references linked on this page and what is known about them, shared by the features. */
  references: PageReferences;
}

/**
 * One user-visible feature of the content script, in one file under features/, registered in
 * features/index.ts. Delete the file and its line, and the feature is gone.
 */
export interface Feature {
  name: string;
  runsOn(page: DetectedPage): boolean;
  /** Starts the feature; returns its clean-up, if it has one beyond `ctx` and `signal`. */
  start(scope: FeatureScope): void | (() => void) | Promise<void | (() => void)>;
}
