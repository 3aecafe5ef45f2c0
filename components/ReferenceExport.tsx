import { plural, t } from '@/lib/i18n';
import { useState } from 'preact/hooks';
import type { CitationFormat } from '@/lib/cite/formats';
import { errorMessage } from '@/lib/error-message';

/*
 * The side panel's export of the page's references (issue 14): a file in a format reference
 * managers import — RIS (Zotero, EndNote, Mendeley), BibTeX, CSL-JSON — with what is known of each
 * document. Pure: the caller makes the file (the background formats it) and hands it to the
 * browser; this says how it went.
 */

export type ExportCitationFormat = Exclude<CitationFormat, 'swedish'>;

export const EXPORT_CHOICES: readonly { format: ExportCitationFormat; label: string }[] = [
  { format: 'ris', label: 'RIS' },
  { format: 'bibtex', label: 'BibTeX' },
  { format: 'csl-json', label: 'CSL-JSON' },
];



const CSS = `
.citation-files { display: flex; flex-wrap: wrap; align-items: center; gap: 0.4rem; margin: 0.25rem 0 0.5rem; }
.citation-files button { font: inherit; font-size: 0.9rem; padding: 0.15rem 0.6rem; border: 1px solid GrayText; border-radius: 6px; background: ButtonFace; color: ButtonText; cursor: pointer; }
.citation-files button:disabled { cursor: progress; }
.export-lead, .export-status { color: var(--muted); font-size: 0.9rem; }
.export-status { flex-basis: 100%; margin: 0; min-height: 1.2em; }
`;

export interface ReferenceExportProps {
  /** Makes the file and starts its download; resolves with its name and how many references it holds. */
  onExport: (format: ExportCitationFormat) => Promise<{ filename: string; count: number }>;
}

export function ReferenceExport({ onExport }: ReferenceExportProps) {
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  const run = async (format: ExportCitationFormat) => {
    setBusy(true);
    setStatus(t('export_working'));
    try {
      const file = await onExport(format);
      setStatus(t('export_done', plural('references', file.count), file.filename));
    } catch (error) {
      setStatus(t('export_failed', errorMessage(error)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="citation-files" role="group" aria-label={t('export_group')}>
      <style>{CSS}</style>
      <span class="export-lead" aria-hidden="true">
        {t('export_lead')}
      </span>
      {EXPORT_CHOICES.map(({ format, label }) => (
        <button key={format} type="button" data-action="export-references" data-format={format} disabled={busy} onClick={() => void run(format)}>
          {label}
        </button>
      ))}
      <p class="export-status" role="status" data-field="export-status">
        {status}
      </p>
    </div>
  );
}
