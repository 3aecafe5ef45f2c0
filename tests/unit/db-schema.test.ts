import Dexie from 'dexie';
import { expect, test } from 'vitest';
import { DB_NAME, RiksrefDatabase, SCHEMA, type DocumentRecord } from '@/lib/db/database';
import { makeHighlight } from './highlight-fixtures.ts';

test('version 2: documents keyed by canonical id with a lastUsedAt index, the service status, and highlights', async () => {
  const db = new RiksrefDatabase('riksref-schema-test');
  await db.open();
  expect(db.verno).toBe(2);
  const documents = db.table('documents').schema;
  expect(documents.primKey.keyPath).toBe('id');
  expect(documents.indexes.map((i) => i.keyPath)).toEqual(['lastUsedAt']);
  expect(db.table('serviceStatus').schema.primKey.keyPath).toBe('key');
  const highlights = db.table('highlights').schema;
  expect(highlights.primKey.keyPath).toBe('id');
  expect(highlights.indexes.map((i) => i.keyPath).sort()).toEqual(['dokId', 'updated', 'url']);
  expect(db.tables.map((t) => t.name).sort()).toEqual(['documents', 'highlights', 'serviceStatus']);
  db.close();
  await db.delete();
});

test('the database is called riksref', () => {
  expect(new RiksrefDatabase().name).toBe(DB_NAME);
  expect(DB_NAME).toBe('riksref');
});

test('data written by version 2 is there when the database is opened again', async () => {
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

test('migration 1 → 2: a version 1 database with cached documents opens as version 2 with every document intact', async () => {
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
  expect(v2.verno).toBe(2);
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
