import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/*
 * Our UI on the page lives in a shadow root, so the page's styles and ours never meet
 * (DESIGN.md). WXT's createShadowRootUi does this too, but brings anchoring by selector or XPath,
 * auto-mounting and an element waiter the content script never uses — about 2 KB of the 60 KB the
 * content script may weigh. This is the part we use: a host element, an open shadow root with its
 * style sheet and a container, events kept inside where asked, and removal when the extension
 * goes away.
 */

export interface ShadowUiOptions {
  /** The host element's tag name: a custom element name (two words, kebab-case). */
  name: string;
  /** The shadow root's style sheet. The page's inherited styles are reset first. */
  css: string;
  /** Where the host goes, as its last child. */
  parent: () => Element;
  /** Events that must not bubble out to the page (keys typed into a note, say). */
  isolateEvents?: readonly string[];
  onMount?: (container: HTMLElement, shadow: ShadowRoot, host: HTMLElement) => void;
  onRemove?: () => void;
}

export interface ShadowUi {
  shadowHost: HTMLElement;
  shadow: ShadowRoot;
  uiContainer: HTMLElement;
  /** Puts the host on the page. */
  mount(): void;
  /** Takes it off again, emptied. */
  remove(): void;
}

export function createShadowUi(ctx: ContentScriptContext, options: ShadowUiOptions): ShadowUi {
  const shadowHost = document.createElement(options.name);
  const shadow = shadowHost.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = `:host{all:initial !important;}\n${options.css}`;
  const uiContainer = document.createElement('div');
  shadow.append(style, uiContainer);
  for (const type of options.isolateEvents ?? []) shadow.addEventListener(type, (event) => event.stopPropagation());
  let mounted = false;
  const ui: ShadowUi = {
    shadowHost,
    shadow,
    uiContainer,
    mount() {
      options.parent().append(shadowHost);
      mounted = true;
      options.onMount?.(uiContainer, shadow, shadowHost);
    },
    remove() {
      if (mounted) options.onRemove?.();
      mounted = false;
      shadowHost.remove();
      uiContainer.replaceChildren();
    },
  };
  ctx.onInvalidated(() => ui.remove());
  return ui;
}
