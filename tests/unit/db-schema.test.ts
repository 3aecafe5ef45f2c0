import { expect, test } from 'vitest';
import { DB_NAME, RiksrefDatabase } from '@/lib/db/database';

test('version 1: documents keyed by canonical id with a lastUsedAt index, and the service status', async () => {
  const db = new RiksrefDatabase('riksref-schema-test');
  await db.open();
  expect(db.verno).toBe(1);
  const documents = db.table('documents').schema;
  expect(documents.primKey.keyPath).toBe('id');
  expect(documents.indexes.map((i) => i.keyPath)).toEqual(['lastUsedAt']);
  expect(db.table('serviceStatus').schema.primKey.keyPath).toBe('key');
  expect(db.tables.map((t) => t.name).sort()).toEqual(['documents', 'serviceStatus']);
  db.close();
  await db.delete();
});

test('the database is called riksref', () => {
  expect(new RiksrefDatabase().name).toBe(DB_NAME);
  expect(DB_NAME).toBe('riksref');
});

test('data written by version 1 is there when the database is opened again', async () => {
  const first = new RiksrefDatabase('riksref-reopen-test');
  await first.documents.put({ id: 'sou:2018:65', status: 'not-found', storedAt: 1, lastUsedAt: 1, size: 10 });
  first.close();
  const again = new RiksrefDatabase('riksref-reopen-test');
  expect(await again.documents.get('sou:2018:65')).toMatchObject({ status: 'not-found' });
  again.close();
  await again.delete();
});
