/**
 * The hosts Riksref reads pages from and asks for metadata: the manifest's host_permissions
 * (wxt.config.ts) and what the options page asks for again when they are missing. Firefox treats
 * the host permissions of a Manifest V3 add-on as optional, so the reader may have withheld them.
 */
export const RIKSDAGEN_HOSTS = ['https://www.riksdagen.se/*', 'https://riksdagen.se/*', 'https://data.riksdagen.se/*'];
