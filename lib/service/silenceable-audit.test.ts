import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '../core/pipeline';
import { silenceableAudit } from './silenceable-audit';

const record = (action: string) => ({ info: { action } }) as unknown as AuditRecord;

describe('silenceableAudit', () => {
  it('passes records on, except while silenced runs, and again once it has settled (even by throwing)', async () => {
    const seen: string[] = [];
    const audit = silenceableAudit({ record: (entry) => seen.push(entry.info.action) });
    audit.sink.record(record('Before'));
    await audit.silenced(async () => audit.sink.record(record('Silenced')));
    await expect(
      audit.silenced(async () => {
        audit.sink.record(record('AlsoSilenced'));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    audit.sink.record(record('After'));
    expect(seen).toEqual(['Before', 'After']);
  });

  it('hands what it silences to the sink to rehearse (built and kept nowhere), where the sink can', async () => {
    const recorded: string[] = [];
    const rehearsed: string[] = [];
    const audit = silenceableAudit({
      record: (entry) => recorded.push(entry.info.action),
      rehearse: (entry) => rehearsed.push(entry.info.action),
    });
    audit.sink.record(record('Before'));
    await audit.silenced(async () => audit.sink.record(record('WarmUp')));
    audit.sink.record(record('After'));
    expect(recorded).toEqual(['Before', 'After']);
    expect(rehearsed).toEqual(['WarmUp']);
  });

  it('silences only its own sink: another service in the process keeps recording', async () => {
    const first: string[] = [];
    const second: string[] = [];
    const a = silenceableAudit({ record: (entry) => first.push(entry.info.action) });
    const b = silenceableAudit({ record: (entry) => second.push(entry.info.action) });
    await a.silenced(async () => {
      a.sink.record(record('A'));
      b.sink.record(record('B'));
    });
    expect(first).toEqual([]);
    expect(second).toEqual(['B']);
  });

  it('refuses to be silenced twice at once (the second would turn it back on early)', async () => {
    const audit = silenceableAudit({ record: () => undefined });
    await audit.silenced(async () => {
      await expect(audit.silenced(async () => undefined)).rejects.toThrow(/already silenced/);
    });
  });
});
