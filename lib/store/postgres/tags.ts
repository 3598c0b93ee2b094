// PostgreSQL implementation of the tag repository (keys unique ignoring case per entity, kept in their given order).
import type { Tag, TaggableKind, TagRepository } from '../tags';
import { count, type Sql } from './sql';

export class PostgresTagRepository implements TagRepository {
  constructor(private readonly sql: Sql) {}

  async list(kind: TaggableKind, entityId: string): Promise<Tag[]> {
    const rows = await this.sql.rows<{ tag_key: string; tag_value: string }>(
      'SELECT tag_key, tag_value FROM tags WHERE entity_kind = $1 AND entity_id = $2 ORDER BY position',
      [kind, entityId],
    );
    return rows.map((row) => ({ Key: row.tag_key, Value: row.tag_value }));
  }

  put(kind: TaggableKind, entityId: string, tags: Tag[]): Promise<void> {
    return this.sql.atomically(async (sql) => {
      const max = await sql.row<{ p: number | null }>('SELECT max(position) AS p FROM tags WHERE entity_kind = $1 AND entity_id = $2', [
        kind,
        entityId,
      ]);
      let position = (max?.p ?? 0) + 1;
      for (const tag of tags) {
        await sql.run(
          `INSERT INTO tags (entity_kind, entity_id, key_lower, tag_key, tag_value, position) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (entity_kind, entity_id, key_lower) DO UPDATE SET tag_key = excluded.tag_key, tag_value = excluded.tag_value`,
          [kind, entityId, tag.Key.toLowerCase(), tag.Key, tag.Value, position++],
        );
      }
    });
  }

  async remove(kind: TaggableKind, entityId: string, keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.sql.run('DELETE FROM tags WHERE entity_kind = $1 AND entity_id = $2 AND key_lower = ANY($3)', [
      kind,
      entityId,
      keys.map((key) => key.toLowerCase()),
    ]);
  }

  async removeAll(kind: TaggableKind, entityId: string): Promise<void> {
    await this.sql.run('DELETE FROM tags WHERE entity_kind = $1 AND entity_id = $2', [kind, entityId]);
  }

  count(kind: TaggableKind, entityId: string): Promise<number> {
    return count(this.sql, 'SELECT count(*) AS n FROM tags WHERE entity_kind = $1 AND entity_id = $2', [kind, entityId]);
  }
}
