import * as z from 'zod/mini';
import { referenceRecord, type CitationRecord } from '@/lib/cite';
import { recordOfDokument } from '@/lib/cite/documents';
import { parseReferenceId } from '@/lib/refs/ids';
import { toDocumentMeta } from '@/lib/riksdagen/map';
import { dokumentlistaSchema, dokumentstatusSchema, type Dokument } from '@/lib/riksdagen/schemas';
import type { DocumentMeta } from '@/lib/riksdagen/types';
import { readFixture } from './fixtures';

/*
 * Citation records the way the background makes them: the recorded answers of the open data
 * (tests/fixtures/api) through the client's own mapping, then lib/cite's records. Nothing here
 * is written by hand except a law's metadata, as the law client answers it.
 */

/** Canonical id → its recorded dokumentlista answer. */
export const RECORDED: Readonly<Record<string, string>> = {
  'sou:2018:65': 'sou-2018-65',
  'ds:2019:3': 'ds-2019-3',
  'dir:2017:75': 'dir-2017-75',
  'prop:2017/18:1': 'prop-2017-18-1',
  'skr:2014/15:146': 'skr-2014-15-146',
  'rskr:2018/19:12': 'rskr-2018-19-12',
  'mot:2018/19:123': 'mot-2018-19-123',
  'bet:2018/19:JuU12': 'bet-2018-19-JuU12',
  'fr:2018/19:523': 'fr-2018-19-523',
  'ip:2018/19:45': 'ip-2018-19-45',
};

export function recordedMeta(id: string): DocumentMeta {
  const list = z.parse(dokumentlistaSchema, JSON.parse(readFixture(`api/dokumentlista/${RECORDED[id]}.json`)));
  const parsed = parseReferenceId(id);
  if (!parsed || parsed.kind === 'eu') throw new Error(id);
  return toDocumentMeta(id, parsed, list.dokumentlista.dokument[0]!, Date.UTC(2026, 0, 1));
}

const OSL_URL = 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/offentlighets-och-sekretesslag-2009400_sfs-2009-400/';

/** 26 kap. 1 § OSL, as the background answers for `sfs:2009:400#K26P1`. */
export const LAW_PLACE_META: DocumentMeta = {
  id: 'sfs:2009:400#K26P1',
  dokId: 'sfs-2009-400',
  kind: 'sfs',
  label: 'SFS 2009:400',
  title: 'Offentlighets- och sekretesslag (2009:400)',
  date: '2009-05-28',
  url: `${OSL_URL}#K26P1`,
  fetchedAt: 1,
  law: { sfs: '2009:400', place: { anchor: 'K26P1', label: '26 kap. 1 §', state: 'found' } },
};

/** Every kind of record: each recorded document, a place in a law, a law and an EU act with no metadata, a document not found. */
export function allRecords(): CitationRecord[] {
  return [
    ...Object.keys(RECORDED).map((id) => referenceRecord(id, recordedMeta(id))!),
    referenceRecord('sfs:2009:400#K26P1', LAW_PLACE_META)!,
    referenceRecord('sfs:1998:204')!,
    referenceRecord('eu:reg:2016/679')!,
    referenceRecord('prop:1952:187')!,
  ];
}

/** The answer page H612523 as its recorded dokumentstatus describes it. */
export function answerPageRecord(): CitationRecord {
  return recordOfDokument(answerPageDokument());
}

export function answerPageDokument(): Dokument {
  return z.parse(dokumentstatusSchema, JSON.parse(readFixture('api/dokumentstatus/H612523.json'))).dokumentstatus.dokument;
}
