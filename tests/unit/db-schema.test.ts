import Dexie from 'dexie';
import { expect, test } from 'vitest';
import { DB_NAME, RiksrefDatabase, SCHEMA, type DocumentRecord, type LawRecord } from '@/lib/db/database';
import { makeHighlight } from './highlight-fixtures.ts';

test('version 4: documents keyed by canonical id with a lastUsedAt index, the service status, highlights, laws, trails and the reading history', async () => {
  const db = new RiksrefDatabase('riksref-schema-test');
  await db.open();
  expect(db.verno).toBe(4);
  const documents = db.table('documents').schema;
  expect(documents.primKey.keyPath).toBe('id');
  expect(documents.indexes.map((i) => i.keyPath)).toEqual(['lastUsedAt']);
  expect(db.table('serviceStatus').schema.primKey.keyPath).toBe('key');
  const highlights = db.table('highlights').schema;
  expect(highlights.primKey.keyPath).toBe('id');
  expect(highlights.indexes.map((i) => i.keyPath).sort()).toEqual(['dokId', 'updated', 'url']);
  const laws = db.table('laws').schema;
  expect(laws.primKey.keyPath).toBe('id');
  expect(laws.indexes.map((i) => i.keyPath).sort()).toEqual(['lastUsedAt', 'size', 'status']);
  const trails = db.table('trails').schema;
  expect(trails.primKey.keyPath).toBe('id');
  expect(trails.indexes.map((i) => i.keyPath)).toEqual(['lastUsedAt']);
  const readings = db.table('readings').schema;
  expect(readings.primKey.keyPath).toBe('dokId');
  expect(readings.indexes.map((i) => [i.keyPath, i.multi]).sort()).toEqual([
    ['readAt', false],
    ['refs', true],
  ]);
  expect(db.tables.map((t) => t.name).sort()).toEqual(['documents', 'highlights', 'laws', 'readings', 'serviceStatus', 'trails']);
  db.close();
  await db.delete();
});

test('the database is called riksref', () => {
  expect(new RiksrefDatabase().name).toBe(DB_NAME);
  expect(DB_NAME).toBe('riksref');
});

test('data written by the current version is there when the database is opened again', async () => {
  const first = new RiksrefDatabase('riksref-reopen-test');
  await first.documents.put({ id: 'sou:2018:65', status: 'not-found', storedAt: 1, lastUsedAt: 1, size: 10 });
  await first.highlights.put(makeHighlight({ id: 'h1' }));
  first.close();
  const again = new RiksrefDatabase('riksref-reopen-test');
  expect(await again.documents.get('sou:2018:65')).toMatchObject({ status: 'not-found' });
  expect(await again.highlights.get('h1')).toEqual(makeHighlight({ id: 'h1' }));
  again.close();
  await again.delete();
});

test('migration 1 → current: a version 1 database with cached documents opens with every document intact', async () => {
  const name = 'riksref-migration-1-2';
  // Written exactly as version 1 wrote it: its schema only, its records.
  const v1 = new Dexie(name);
  v1.version(1).stores(SCHEMA[1]);
  const cached: DocumentRecord[] = [
    {
      id: 'sou:2018:65',
      status: 'found',
      meta: {
        id: 'sou:2018:65',
        dokId: 'H6B365',
        kind: 'sou',
        label: 'SOU 2018:65',
        title: 'Informationsutbyte vid samverkan mot terrorism',
        url: 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/statens-offentliga-utredningar/_H6B365',
        fetchedAt: 5,
      },
      storedAt: 5,
      lastUsedAt: 7,
      size: 321,
    },
    { id: 'dir:2099:1', status: 'not-found', storedAt: 6, lastUsedAt: 6, size: 40 },
  ];
  await v1.table('documents').bulkPut(cached);
  await v1.table('serviceStatus').put({ key: 'api', lastSuccessAt: 9 });
  expect(v1.verno).toBe(1);
  v1.close();

  const v2 = new RiksrefDatabase(name);
  await v2.open();
  expect(v2.verno).toBe(4);
  expect(await v2.documents.orderBy('id').toArray()).toEqual([...cached].sort((a, b) => a.id.localeCompare(b.id)));
  expect(await v2.documents.orderBy('lastUsedAt').primaryKeys()).toEqual(['dir:2099:1', 'sou:2018:65']);
  expect(await v2.serviceStatus.get('api')).toEqual({ key: 'api', lastSuccessAt: 9 });
  // The new table is there, empty and usable.
  expect(await v2.highlights.count()).toBe(0);
  await v2.highlights.put(makeHighlight({ id: 'after-upgrade', dokId: 'H612523' }));
  expect(await v2.highlights.where('dokId').equals('H612523').primaryKeys()).toEqual(['after-upgrade']);
  v2.close();
  await v2.delete();
});

test('migration 2 → current: a version 2 database with highlights and cached documents opens with every one intact, and an empty laws table', async () => {
  const name = 'riksref-migration-2-3';
  // Written exactly as version 2 wrote it: its schema only, its records.
  const v2 = new Dexie(name);
  v2.version(2).stores(SCHEMA[2]);
  const highlights = [
    makeHighlight({ id: 'h1' }),
    makeHighlight({ id: 'h2', color: 'green', note: 'Jämför 10 kap. 2 § OSL', updated: Date.UTC(2025, 5, 1) }),
    makeHighlight({ id: 'h3', dokId: 'H601JuU12', url: 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/betankande/_H601JuU12', orphan: true }),
  ];
  const cached: DocumentRecord[] = [
    {
      id: 'sfs:2009:400',
      status: 'found',
      meta: {
        id: 'sfs:2009:400',
        dokId: 'sfs-2009-400',
        kind: 'sfs',
        label: 'SFS 2009:400',
        title: 'Offentlighets- och sekretesslag (2009:400)',
        url: 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/_sfs-2009-400',
        fetchedAt: 5,
      },
      storedAt: 5,
      lastUsedAt: 8,
      size: 300,
    },
    { id: 'sou:2099:1', status: 'not-found', storedAt: 6, lastUsedAt: 6, size: 40 },
  ];
  await v2.table('highlights').bulkPut(highlights);
  await v2.table('documents').bulkPut(cached);
  await v2.table('serviceStatus').put({ key: 'api', lastSuccessAt: 9, lastFailureAt: 4, lastFailureReason: 'timeout' });
  expect(v2.verno).toBe(2);
  v2.close();

  const v3 = new RiksrefDatabase(name);
  await v3.open();
  expect(v3.verno).toBe(4);
  expect(await v3.highlights.orderBy('id').toArray()).toEqual(highlights);
  expect(await v3.highlights.where('dokId').equals('H612523').primaryKeys()).toEqual(['h1', 'h2']);
  expect(await v3.highlights.orderBy('updated').last()).toEqual(highlights[1]);
  expect(await v3.documents.orderBy('id').toArray()).toEqual(cached);
  expect(await v3.documents.orderBy('lastUsedAt').primaryKeys()).toEqual(['sou:2099:1', 'sfs:2009:400']);
  expect(await v3.serviceStatus.get('api')).toEqual({ key: 'api', lastSuccessAt: 9, lastFailureAt: 4, lastFailureReason: 'timeout' });
  // The new table is there, empty and usable through its indexes.
  expect(await v3.laws.count()).toBe(0);
  const law: LawRecord = {
    id: 'sfs:2009:400',
    status: 'found',
    meta: cached[0]!.meta!,
    text: { sections: { K10P2: [{ paragraphs: ['Sekretess hindrar inte …'] }] }, chapters: { K10: [{ title: 'Sekretessbrytande bestämmelser' }] } },
    storedAt: 10,
    lastUsedAt: 10,
    size: 200,
  };
  await v3.laws.put(law);
  expect(await v3.laws.where('status').equals('found').primaryKeys()).toEqual(['sfs:2009:400']);
  expect(await v3.laws.orderBy('size').keys()).toEqual([200]);
  expect(await v3.laws.get('sfs:2009:400')).toEqual(law);
  v3.close();
  await v3.delete();
});

test('migration 3 → 4: a version 3 database with highlights, documents and laws opens with every one intact, and empty trails and readings', async () => {
  const name = 'riksref-migration-3-4';
  // Written exactly as version 3 wrote it: its schema only, its records.
  const v3 = new Dexie(name);
  v3.version(3).stores(SCHEMA[3]);
  const highlights = [
    makeHighlight({ id: 'h1' }),
    makeHighlight({ id: 'h2', color: 'blue', note: 'Se bet. 2023/24:UbU5', updated: Date.UTC(2026, 0, 2) }),
    makeHighlight({ id: 'h3', dokId: 'HB01UbU5', url: 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/betankande/_HB01UbU5', orphan: true }),
  ];
  const documents: DocumentRecord[] = [
    {
      id: 'prop:2023/24:20',
      status: 'found',
      meta: {
        id: 'prop:2023/24:20',
        dokId: 'HB0320',
        kind: 'prop',
        label: 'prop. 2023/24:20',
        title: 'På språklig grund',
        status: 'Utskottsberedning 2023/24:UbU5 Riksdagsbeslut (1 förslag): 1 bifall',
        url: 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/proposition/_HB0320',
        fetchedAt: 5,
      },
      storedAt: 5,
      lastUsedAt: 9,
      size: 400,
    },
    { id: 'sou:2099:1', status: 'not-found', storedAt: 6, lastUsedAt: 6, size: 40 },
  ];
  const law: LawRecord = {
    id: 'sfs:2009:400',
    status: 'found',
    meta: {
      id: 'sfs:2009:400',
      dokId: 'sfs-2009-400',
      kind: 'sfs',
      label: 'SFS 2009:400',
      title: 'Offentlighets- och sekretesslag (2009:400)',
      url: 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/_sfs-2009-400/',
      fetchedAt: 7,
    },
    text: { sections: { K10P2: [{ paragraphs: ['Sekretess hindrar inte …'] }] }, chapters: {} },
    storedAt: 7,
    lastUsedAt: 7,
    size: 250,
  };
  await v3.table('highlights').bulkPut(highlights);
  await v3.table('documents').bulkPut(documents);
  await v3.table('laws').put(law);
  await v3.table('serviceStatus').put({ key: 'api', lastSuccessAt: 9 });
  expect(v3.verno).toBe(3);
  v3.close();

  const v4 = new RiksrefDatabase(name);
  await v4.open();
  expect(v4.verno).toBe(4);
  expect(await v4.highlights.orderBy('id').toArray()).toEqual(highlights);
  expect(await v4.highlights.where('dokId').equals('H612523').primaryKeys()).toEqual(['h1', 'h2']);
  expect(await v4.documents.orderBy('id').toArray()).toEqual(documents);
  expect(await v4.documents.orderBy('lastUsedAt').primaryKeys()).toEqual(['sou:2099:1', 'prop:2023/24:20']);
  expect(await v4.laws.get('sfs:2009:400')).toEqual(law);
  expect(await v4.laws.where('status').equals('found').primaryKeys()).toEqual(['sfs:2009:400']);
  expect(await v4.serviceStatus.get('api')).toEqual({ key: 'api', lastSuccessAt: 9 });
  // The new tables are there, empty and usable through their indexes.
  expect(await v4.trails.count()).toBe(0);
  expect(await v4.readings.count()).toBe(0);
  await v4.trails.put({ id: 'HB0320', status: 'not-found', storedAt: 10, lastUsedAt: 10, size: 60 });
  expect(await v4.trails.orderBy('lastUsedAt').primaryKeys()).toEqual(['HB0320']);
  await v4.readings.put({
    dokId: 'HB01UbU5',
    kind: 'bet',
    title: 'Lärarutbildning på språklig grund',
    url: 'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/betankande/_HB01UbU5',
    refs: ['prop:2023/24:20', 'sou:2018:65'],
    readAt: 11,
    size: 200,
  });
  expect(await v4.readings.where('refs').equals('sou:2018:65').primaryKeys()).toEqual(['HB01UbU5']);
  expect(await v4.readings.orderBy('readAt').primaryKeys()).toEqual(['HB01UbU5']);
  v4.close();
  await v4.delete();
});
