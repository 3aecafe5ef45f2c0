import type { ExportReferences } from '@/components/ReferencesTab';
import { send } from '@/lib/messages/send';
import { parseDocumentUrl } from '@/lib/page/url';
import { download } from './highlights-link';

/**
 * The Referenser tab's export: the background formats the page's references (lib/cite) and the
 * panel hands the file to the browser as a download, named after the citing document.
 */
export const exportReferences: ExportReferences = async (page, format) => {
  const dokId = parseDocumentUrl(page.url)?.dokId;
  const ids = page.references.map((reference) => reference.id);
  const file = await send('formatCitations', dokId ? { ids, format, dokId } : { ids, format });
  download(file.filename, file.mimeType, file.text);
  return file;
};
