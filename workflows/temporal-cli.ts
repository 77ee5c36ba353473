// Finds the Temporal CLI for the embedded dev server, in DESIGN.md's order: TEMPORAL_CLI_PATH,
// `temporal` on PATH, the project's tool folder, else `go install` of a pinned tag into that folder.
// Returns null when none can be had (then the SDK's own cached download is the last resort).
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const TOOLS_BIN = join(PROJECT_ROOT, '.tools', 'bin');
// v1.5.1 is the newest tag without a `replace` directive in go.mod (which `go install` rejects).
export const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal@v1.5.1';

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function findTemporalCli(explicit?: string, pathEnv = process.env.PATH ?? ''): string | null {
  if (explicit) {
    if (!executable(explicit)) throw new Error(`TEMPORAL_CLI_PATH=${explicit} is not an executable file`);
    return explicit;
  }
  for (const dir of pathEnv.split(delimiter).filter(Boolean)) {
    const candidate = join(dir, 'temporal');
    if (executable(candidate)) return candidate;
  }
  const cached = join(TOOLS_BIN, 'temporal');
  return executable(cached) ? cached : null;
}

/** Builds the CLI with Go into the tool folder (about 3.5 minutes on an empty module cache). */
export function buildTemporalCli(log: (line: string) => void = console.error): string | null {
  const go = spawnSync('go', ['version'], { encoding: 'utf8' });
  if (go.status !== 0) return null;
  mkdirSync(TOOLS_BIN, { recursive: true });
  log(`Building the Temporal CLI: go install ${TEMPORAL_CLI_MODULE} (a few minutes, once)…`);
  const r = spawnSync('go', ['install', TEMPORAL_CLI_MODULE], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, GOBIN: TOOLS_BIN },
  });
  const built = join(TOOLS_BIN, 'temporal');
  if (r.status !== 0 || !existsSync(built)) {
    log(`go install failed with status ${r.status}`);
    return null;
  }
  return built;
}

export function findOrBuildTemporalCli(explicit?: string): string | null {
  return findTemporalCli(explicit) ?? buildTemporalCli();
}
