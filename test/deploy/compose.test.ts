// No Docker engine runs here, so the production files are checked for what can be checked without
// one: the services exist and are wired to each other, and every command they run exists.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

const compose = parse(readFileSync('docker-compose.yml', 'utf8'));
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const dockerfile = readFileSync('Dockerfile', 'utf8');

describe('docker-compose.yml', () => {
  it('runs Postgres with pgvector, Temporal on Postgres, its UI, the API and scalable workers', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['api', 'postgres', 'temporal', 'temporal-setup', 'temporal-ui', 'worker']);
    expect(compose.services.postgres.image).toMatch(/^pgvector\/pgvector:/);
    expect(compose.services.temporal.environment.DB).toBe('postgres12');
    expect(compose.services.temporal.environment.POSTGRES_SEEDS).toBe('postgres');
    expect(compose.services.worker.ports).toBeUndefined(); // scalable with --scale worker=N
    expect(compose.services.worker.container_name).toBeUndefined();
  });

  it('points the app at the database and Temporal by service name, and registers the search attributes', () => {
    for (const svc of ['api', 'worker']) {
      const env = compose.services[svc].environment;
      expect(env.DATABASE_URL).toMatch(/@postgres:5432\//);
      expect(env.TEMPORAL_ADDRESS).toBe('temporal:7233');
    }
    const setup = compose.services['temporal-setup'].command.join(' ');
    for (const a of ['AccountId=Keyword', 'OwnerId=Keyword', 'RiskLevel=Keyword', 'RiskScore=Int']) expect(setup).toContain(a);
  });

  it('runs commands that exist', () => {
    const scripts = [compose.services.api.command, compose.services.worker.command].map((c: string[]) => c[c.length - 1]);
    for (const s of scripts) expect(pkg.scripts[s], s).toBeDefined();
    expect(dockerfile).toMatch(/^FROM node:24/m);
    expect(dockerfile).toMatch(/npm ci/);
  });
});
