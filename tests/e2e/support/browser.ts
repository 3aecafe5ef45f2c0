import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { riksdagenData, riksdagenSite } from './sites.ts';
import { startServer, type TestServer } from './server.ts';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../../.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Session {
  context: BrowserContext;
  site: TestServer;
  data: TestServer;
  extensionId: string;
  serviceWorker: Worker;
  close(): Promise<void>;
}

interface LaunchOptions {
  headless?: boolean;
  /** An existing profile directory (the same browser started again), left in place on close for the caller to remove. */
  profile?: string;
  /**
   * The browser's language, which picks the extension's (public/_locales): Swedish unless a test
   * asks for another. The flag sets the browser's own; Playwright's locale, the pages' and headers'.
   */
  language?: 'sv-SE' | 'en-US';
  /** Another build of the extension than .output/chrome-mv3 (bench/diagnose/ab.ts compares two). */
  extensionDir?: string;
}

/**
 * Starts the two fixture servers and a fresh Chromium profile with the BUILT extension, with
 * riksdagen.se's hosts resolved to the servers so the real manifest match patterns apply.
 */
export async function launch(options: LaunchOptions = {}): Promise<Session> {
  return launchWith(options, true) as Promise<Session>;
}

/** The same browser, servers and flags without the extension: the benchmarks' baseline. */
export async function launchWithoutExtension(): Promise<Pick<Session, 'context' | 'site' | 'data' | 'close'>> {
  return launchWith({}, false);
}

async function launchWith(options: LaunchOptions, extension: boolean): Promise<Session | Pick<Session, 'context' | 'site' | 'data' | 'close'>> {
  const site = await startServer(riksdagenSite);
  const data = await startServer(riksdagenData);
  const profile = options.profile ?? (await mkdtemp(join(tmpdir(), 'riksref-profile-')));
  const removeProfile = () => (options.profile ? Promise.resolve() : rm(profile, { recursive: true, force: true }));
  let context: BrowserContext | undefined;
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: options.headless ?? true,
      viewport: { width: 1280, height: 900 },
      locale: options.language ?? 'sv-SE',
      // Chromium on Linux takes its language from the environment (LANGUAGE), and only one it has
      // a language pack for (Debian's chromium-l10n, .ci/run).
      env: { ...process.env, LANGUAGE: (options.language ?? 'sv-SE').replace('-', '_') },
      args: [
        `--lang=${options.language ?? 'sv-SE'}`,
        ...(extension ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
        '--no-sandbox',
        // No quotes around the rules: this is an argv entry, not a shell word.
        `--host-resolver-rules=MAP www.riksdagen.se 127.0.0.1:${site.port}, MAP riksdagen.se 127.0.0.1:${site.port}, MAP data.riksdagen.se 127.0.0.1:${data.port}`,
        '--ignore-certificate-errors',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    });
    const ctx = context;
    const close = async () => {
      await ctx.close().catch(() => {});
      await Promise.all([site.close(), data.close()]);
      await removeProfile();
    };
    if (!extension) return { context: ctx, site, data, close };
    const serviceWorker =
      context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    const extensionId = new URL(serviceWorker.url()).host;
    return { context: ctx, site, data, extensionId, serviceWorker, close };
  } catch (error) {
    await context?.close().catch(() => {});
    await Promise.all([site.close(), data.close()]);
    await removeProfile();
    throw error;
  }
}
