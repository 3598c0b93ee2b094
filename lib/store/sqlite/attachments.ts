// SQLite implementation of managed policy attachments, plus permissions boundary usage read from users and roles.
import type { SqliteDatabase } from './database';
import type { AttachmentRecord, AttachmentRepository, PolicyEntity, PrincipalKind } from '../policies';
import { toAttachmentRecord, toCountsByArn, toPolicyEntity, type AttachmentRow, type PolicyEntityRow } from '../rows/attachments';

export class SqliteAttachmentRepository implements AttachmentRepository {
  private readonly attachStatement;
  private readonly detachStatement;
  private readonly forPrincipal;
  private readonly forPolicy;
  private readonly countPolicy;
  private readonly countPrincipal;
  private readonly countsStatement;
  private readonly removeAll;
  private readonly entitiesStatement;
  private readonly boundaryStatement;
  private readonly boundaryCount;
  private readonly boundaryCounts;

  constructor(db: SqliteDatabase) {
    this.attachStatement = db.prepare(
      `INSERT INTO policy_attachments (principal_kind, principal_id, policy_arn, attach_date)
       VALUES (@principalKind, @principalId, @policyArn, @attachDate) ON CONFLICT DO NOTHING`,
    );
    this.detachStatement = db.prepare('DELETE FROM policy_attachments WHERE principal_kind = ? AND principal_id = ? AND policy_arn = ?');
    this.forPrincipal = db.prepare<[string, string], AttachmentRow>(
      'SELECT * FROM policy_attachments WHERE principal_kind = ? AND principal_id = ? ORDER BY rowid',
    );
    this.forPolicy = db.prepare<[string], AttachmentRow>('SELECT * FROM policy_attachments WHERE policy_arn = ? ORDER BY rowid');
    this.countPolicy = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM policy_attachments WHERE policy_arn = ?');
    this.countPrincipal = db.prepare<[string, string], { n: number }>(
      'SELECT count(*) AS n FROM policy_attachments WHERE principal_kind = ? AND principal_id = ?',
    );
    this.countsStatement = db.prepare<[], { arn: string; n: number }>(
      'SELECT policy_arn AS arn, count(*) AS n FROM policy_attachments GROUP BY policy_arn',
    );
    this.removeAll = db.prepare('DELETE FROM policy_attachments WHERE principal_kind = ? AND principal_id = ?');
    this.entitiesStatement = db.prepare<[string, string, string], PolicyEntityRow>(
      `SELECT a.principal_kind, a.principal_id, u.user_name AS name, u.path, u.name_key AS k, 2 AS o
         FROM policy_attachments a JOIN users u ON a.principal_kind = 'user' AND u.user_id = a.principal_id WHERE a.policy_arn = ?
       UNION ALL
       SELECT a.principal_kind, a.principal_id, g.group_name AS name, g.path, g.name_key AS k, 1 AS o
         FROM policy_attachments a JOIN groups g ON a.principal_kind = 'group' AND g.group_id = a.principal_id WHERE a.policy_arn = ?
       UNION ALL
       SELECT a.principal_kind, a.principal_id, r.role_name AS name, r.path, r.name_key AS k, 3 AS o
         FROM policy_attachments a JOIN roles r ON a.principal_kind = 'role' AND r.role_id = a.principal_id WHERE a.policy_arn = ?
       ORDER BY o, k`,
    );
    this.boundaryStatement = db.prepare<[string, string], PolicyEntityRow>(
      `SELECT 'user' AS principal_kind, user_id AS principal_id, user_name AS name, path, name_key AS k, 1 AS o
         FROM users WHERE permissions_boundary_arn = ?
       UNION ALL
       SELECT 'role' AS principal_kind, role_id AS principal_id, role_name AS name, path, name_key AS k, 2 AS o
         FROM roles WHERE permissions_boundary_arn = ?
       ORDER BY o, k`,
    );
    this.boundaryCount = db.prepare<[string, string], { n: number }>(
      `SELECT (SELECT count(*) FROM users WHERE permissions_boundary_arn = ?)
            + (SELECT count(*) FROM roles WHERE permissions_boundary_arn = ?) AS n`,
    );
    this.boundaryCounts = db.prepare<[], { arn: string; n: number }>(
      `SELECT arn, sum(n) AS n FROM (
         SELECT permissions_boundary_arn AS arn, count(*) AS n FROM users WHERE permissions_boundary_arn IS NOT NULL GROUP BY 1
         UNION ALL
         SELECT permissions_boundary_arn AS arn, count(*) AS n FROM roles WHERE permissions_boundary_arn IS NOT NULL GROUP BY 1
       ) GROUP BY arn`,
    );
  }

  async attach(attachment: AttachmentRecord): Promise<void> {
    this.attachStatement.run(attachment);
  }

  async detach(principalKind: PrincipalKind, principalId: string, policyArn: string): Promise<void> {
    this.detachStatement.run(principalKind, principalId, policyArn);
  }

  async listForPrincipal(principalKind: PrincipalKind, principalId: string): Promise<AttachmentRecord[]> {
    return this.forPrincipal.all(principalKind, principalId).map(toAttachmentRecord);
  }

  async listForPolicy(policyArn: string): Promise<AttachmentRecord[]> {
    return this.forPolicy.all(policyArn).map(toAttachmentRecord);
  }

  async countForPolicy(policyArn: string): Promise<number> {
    return this.countPolicy.get(policyArn)!.n;
  }

  async countForPrincipal(principalKind: PrincipalKind, principalId: string): Promise<number> {
    return this.countPrincipal.get(principalKind, principalId)!.n;
  }

  async countsByPolicy(): Promise<Map<string, number>> {
    return toCountsByArn(this.countsStatement.all());
  }

  async removeAllForPrincipal(principalKind: PrincipalKind, principalId: string): Promise<void> {
    this.removeAll.run(principalKind, principalId);
  }

  async listEntitiesForPolicy(policyArn: string): Promise<PolicyEntity[]> {
    return this.entitiesStatement.all(policyArn, policyArn, policyArn).map(toPolicyEntity);
  }

  async listBoundaryUsage(policyArn: string): Promise<PolicyEntity[]> {
    return this.boundaryStatement.all(policyArn, policyArn).map(toPolicyEntity);
  }

  async countBoundaryUsage(policyArn: string): Promise<number> {
    return this.boundaryCount.get(policyArn, policyArn)!.n;
  }

  async boundaryCountsByPolicy(): Promise<Map<string, number>> {
    return toCountsByArn(this.boundaryCounts.all());
  }
}
