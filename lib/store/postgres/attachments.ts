// PostgreSQL implementation of managed policy attachments, plus permissions boundary usage read from users and roles.
import type { AttachmentRecord, AttachmentRepository, PolicyEntity, PrincipalKind } from '../policies';
import { count, type Sql } from './sql';
import { toAttachmentRecord, toCountsByArn, toPolicyEntity, type AttachmentRow, type PolicyEntityRow } from '../rows/attachments';

export class PostgresAttachmentRepository implements AttachmentRepository {
  constructor(private readonly sql: Sql) {}

  async attach(a: AttachmentRecord): Promise<void> {
    await this.sql.run(
      `INSERT INTO policy_attachments (principal_kind, principal_id, policy_arn, attach_date) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [a.principalKind, a.principalId, a.policyArn, a.attachDate],
    );
  }

  async detach(principalKind: PrincipalKind, principalId: string, policyArn: string): Promise<void> {
    await this.sql.run('DELETE FROM policy_attachments WHERE principal_kind = $1 AND principal_id = $2 AND policy_arn = $3', [
      principalKind,
      principalId,
      policyArn,
    ]);
  }

  async listForPrincipal(principalKind: PrincipalKind, principalId: string): Promise<AttachmentRecord[]> {
    const rows = await this.sql.rows<AttachmentRow>(
      'SELECT * FROM policy_attachments WHERE principal_kind = $1 AND principal_id = $2 ORDER BY seq',
      [principalKind, principalId],
    );
    return rows.map(toAttachmentRecord);
  }

  async listForPolicy(policyArn: string): Promise<AttachmentRecord[]> {
    return (await this.sql.rows<AttachmentRow>('SELECT * FROM policy_attachments WHERE policy_arn = $1 ORDER BY seq', [policyArn])).map(
      toAttachmentRecord,
    );
  }

  countForPolicy(policyArn: string): Promise<number> {
    return count(this.sql, 'SELECT count(*) AS n FROM policy_attachments WHERE policy_arn = $1', [policyArn]);
  }

  countForPrincipal(principalKind: PrincipalKind, principalId: string): Promise<number> {
    return count(this.sql, 'SELECT count(*) AS n FROM policy_attachments WHERE principal_kind = $1 AND principal_id = $2', [
      principalKind,
      principalId,
    ]);
  }

  async countsByPolicy(): Promise<Map<string, number>> {
    return toCountsByArn(await this.sql.rows('SELECT policy_arn AS arn, count(*) AS n FROM policy_attachments GROUP BY policy_arn'));
  }

  async removeAllForPrincipal(principalKind: PrincipalKind, principalId: string): Promise<void> {
    await this.sql.run('DELETE FROM policy_attachments WHERE principal_kind = $1 AND principal_id = $2', [principalKind, principalId]);
  }

  async listEntitiesForPolicy(policyArn: string): Promise<PolicyEntity[]> {
    const rows = await this.sql.rows<PolicyEntityRow>(
      `SELECT a.principal_kind, a.principal_id, u.user_name AS name, u.path, u.name_key AS k, 2 AS o
         FROM policy_attachments a JOIN users u ON a.principal_kind = 'user' AND u.user_id = a.principal_id WHERE a.policy_arn = $1
       UNION ALL
       SELECT a.principal_kind, a.principal_id, g.group_name AS name, g.path, g.name_key AS k, 1 AS o
         FROM policy_attachments a JOIN groups g ON a.principal_kind = 'group' AND g.group_id = a.principal_id WHERE a.policy_arn = $1
       UNION ALL
       SELECT a.principal_kind, a.principal_id, r.role_name AS name, r.path, r.name_key AS k, 3 AS o
         FROM policy_attachments a JOIN roles r ON a.principal_kind = 'role' AND r.role_id = a.principal_id WHERE a.policy_arn = $1
       ORDER BY o, k`,
      [policyArn],
    );
    return rows.map(toPolicyEntity);
  }

  async listBoundaryUsage(policyArn: string): Promise<PolicyEntity[]> {
    const rows = await this.sql.rows<PolicyEntityRow>(
      `SELECT 'user' AS principal_kind, user_id AS principal_id, user_name AS name, path, name_key AS k, 1 AS o
         FROM users WHERE permissions_boundary_arn = $1
       UNION ALL
       SELECT 'role' AS principal_kind, role_id AS principal_id, role_name AS name, path, name_key AS k, 2 AS o
         FROM roles WHERE permissions_boundary_arn = $1
       ORDER BY o, k`,
      [policyArn],
    );
    return rows.map(toPolicyEntity);
  }

  countBoundaryUsage(policyArn: string): Promise<number> {
    return count(
      this.sql,
      `SELECT (SELECT count(*) FROM users WHERE permissions_boundary_arn = $1)
            + (SELECT count(*) FROM roles WHERE permissions_boundary_arn = $1) AS n`,
      [policyArn],
    );
  }

  async boundaryCountsByPolicy(): Promise<Map<string, number>> {
    return toCountsByArn(
      await this.sql.rows(
        `SELECT arn, sum(n)::bigint AS n FROM (
           SELECT permissions_boundary_arn AS arn, count(*) AS n FROM users WHERE permissions_boundary_arn IS NOT NULL GROUP BY 1
           UNION ALL
           SELECT permissions_boundary_arn AS arn, count(*) AS n FROM roles WHERE permissions_boundary_arn IS NOT NULL GROUP BY 1
         ) AS usage GROUP BY arn`,
      ),
    );
  }
}
