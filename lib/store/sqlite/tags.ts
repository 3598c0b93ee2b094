// SQLite implementation of the tag repository.
import type { SqliteDatabase } from './database';
import type { Tag, TaggableKind, TagRepository } from '../tags';

export class SqliteTagRepository implements TagRepository {
  private readonly listStatement;
  private readonly upsert;
  private readonly removeOne;
  private readonly removeAllStatement;
  private readonly countStatement;
  private readonly maxPosition;

  /** `onUserTags`: told after every write of a user's tags (the users repository forgets what it cached). */
  constructor(
    db: SqliteDatabase,
    private readonly onUserTags: () => void = () => undefined,
  ) {
    this.listStatement = db.prepare<[string, string], { tag_key: string; tag_value: string }>(
      'SELECT tag_key, tag_value FROM tags WHERE entity_kind = ? AND entity_id = ? ORDER BY position',
    );
    this.upsert = db.prepare(
      `INSERT INTO tags (entity_kind, entity_id, key_lower, tag_key, tag_value, position) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (entity_kind, entity_id, key_lower) DO UPDATE SET tag_key = excluded.tag_key, tag_value = excluded.tag_value`,
    );
    this.removeOne = db.prepare('DELETE FROM tags WHERE entity_kind = ? AND entity_id = ? AND key_lower = ?');
    this.removeAllStatement = db.prepare('DELETE FROM tags WHERE entity_kind = ? AND entity_id = ?');
    this.countStatement = db.prepare<[string, string], { n: number }>(
      'SELECT count(*) AS n FROM tags WHERE entity_kind = ? AND entity_id = ?',
    );
    this.maxPosition = db.prepare<[string, string], { p: number | null }>(
      'SELECT max(position) AS p FROM tags WHERE entity_kind = ? AND entity_id = ?',
    );
  }

  async list(kind: TaggableKind, entityId: string): Promise<Tag[]> {
    return this.listStatement.all(kind, entityId).map((row) => ({ Key: row.tag_key, Value: row.tag_value }));
  }

  async put(kind: TaggableKind, entityId: string, tags: Tag[]): Promise<void> {
    let position = (this.maxPosition.get(kind, entityId)?.p ?? 0) + 1;
    for (const tag of tags) this.upsert.run(kind, entityId, tag.Key.toLowerCase(), tag.Key, tag.Value, position++);
    this.written(kind);
  }

  async remove(kind: TaggableKind, entityId: string, keys: string[]): Promise<void> {
    for (const key of keys) this.removeOne.run(kind, entityId, key.toLowerCase());
    this.written(kind);
  }

  async removeAll(kind: TaggableKind, entityId: string): Promise<void> {
    this.removeAllStatement.run(kind, entityId);
    this.written(kind);
  }

  private written(kind: TaggableKind): void {
    if (kind === 'user') this.onUserTags();
  }

  async count(kind: TaggableKind, entityId: string): Promise<number> {
    return this.countStatement.get(kind, entityId)!.n;
  }
}
