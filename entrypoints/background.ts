// The background owns the database and the network (DESIGN.md). For now it only has to exist and
// stay reachable; the metadata and highlight handlers arrive with their issues.
export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    console.info(`[Riksref] ${reason}`);
  });
});
