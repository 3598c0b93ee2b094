// A throwaway PostgreSQL cluster for tests: initdb + pg_ctl in a temporary directory, fsync off, stopped and
// deleted afterwards. Runs the server as an unprivileged user when we are root (PostgreSQL refuses to run as root).
import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

export interface PostgresCluster {
  /** `postgres://gatehouse@127.0.0.1:<port>/gatehouse`: a superuser on a database created empty. */
  url: string;
  /** Creates another empty database on the cluster and returns its URL (one per test file or case). */
  createDatabase(name: string): Promise<string>;
  /** Stops the server and deletes its directory. */
  stop(): Promise<void>;
}

/** Where initdb and pg_ctl are: `GATEHOUSE_PG_BIN`, Debian's newest /usr/lib/postgresql/<n>/bin, or PATH. */
export function findPostgresBin(): string | undefined {
  const candidates: string[] = [];
  if (process.env.GATEHOUSE_PG_BIN) candidates.push(process.env.GATEHOUSE_PG_BIN);
  const debian = '/usr/lib/postgresql';
  if (fs.existsSync(debian)) {
    const versions = fs
      .readdirSync(debian)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => path.join(debian, v, 'bin')));
  }
  candidates.push(...(process.env.PATH ?? '').split(path.delimiter).filter(Boolean));
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'pg_ctl')));
}

/** Why no cluster can be started here (no initdb), or undefined when one can. */
export function postgresUnavailableReason(): string | undefined {
  if (findPostgresBin()) return undefined;
  return 'initdb/pg_ctl not found (install Debian\'s "postgresql" package or set GATEHOUSE_PG_BIN)';
}

/**
 * Starts a fresh cluster listening on 127.0.0.1 at a free port (and on a unix socket in its directory), with
 * trust authentication and durability off (fsync, synchronous_commit, full_page_writes): test data only.
 */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = findPostgresBin();
  if (!bin) throw new Error(postgresUnavailableReason());
  const runAs = serverUser();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-pg-'));
  const dataDir = path.join(dir, 'data');
  const logFile = path.join(dir, 'server.log');
  if (runAs) {
    fs.chownSync(dir, runAs.uid, runAs.gid);
    // The server user must be able to reach the directory: os.tmpdir() is normally /tmp, but TMPDIR may point elsewhere.
    if (spawnSync('runuser', ['-u', runAs.name, '--', 'test', '-w', dir]).status !== 0) {
      fs.rmSync(dir, { recursive: true, force: true });
      throw new Error(`the "${runAs.name}" user cannot write ${dir}: point TMPDIR at a directory it can reach (e.g. /tmp)`);
    }
  }
  const exec = (program: string, args: string[]) =>
    runAs ? run('runuser', ['-u', runAs.name, '--', path.join(bin, program), ...args]) : run(path.join(bin, program), args);

  const port = await freePort();
  let started = false;
  const stop = async () => {
    if (started) {
      started = false;
      process.off('exit', stopAtExit);
      await exec('pg_ctl', ['stop', '-D', dataDir, '-m', 'immediate', '-w']).catch(() => undefined);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  // A test run that dies without calling stop() must not leave a server behind.
  const stopAtExit = () => {
    const args = ['stop', '-D', dataDir, '-m', 'immediate'];
    if (runAs) spawnSync('runuser', ['-u', runAs.name, '--', path.join(bin, 'pg_ctl'), ...args]);
    else spawnSync(path.join(bin, 'pg_ctl'), args);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await exec('initdb', ['-D', dataDir, '-U', 'gatehouse', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync']);
    const options = [
      `-c listen_addresses=127.0.0.1`,
      `-c port=${port}`,
      `-c unix_socket_directories=${dir}`,
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=200',
    ].join(' ');
    await exec('pg_ctl', ['start', '-D', dataDir, '-l', logFile, '-w', '-t', '60', '-o', options]);
    started = true;
    process.once('exit', stopAtExit);
    const base = `postgres://gatehouse@127.0.0.1:${port}`;
    const createDatabase = async (name: string) => {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
      const client = new pg.Client({ connectionString: `${base}/postgres` });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return `${base}/${name}`;
    };
    const url = await createDatabase('gatehouse');
    return { url, createDatabase, stop };
  } catch (error) {
    const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
    await stop();
    throw new Error(`could not start a PostgreSQL cluster: ${(error as Error).message}\n${log}`);
  }
}

/** The unprivileged user to run the server as when we are root: `postgres` (Debian's package makes it), else `nobody`. */
function serverUser(): { name: string; uid: number; gid: number } | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  for (const name of ['postgres', 'nobody']) {
    const id = spawnSync('id', ['-u', name], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
    if (id.status === 0 && gid.status === 0) return { name, uid: Number(id.stdout.trim()), gid: Number(gid.stdout.trim()) };
  }
  throw new Error('running as root, and neither a "postgres" nor a "nobody" user exists to run PostgreSQL as');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
