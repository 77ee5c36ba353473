// The registry reachable here serves only the linux-x64 builds of @swc/core (which Temporal's
// workflow bundler uses); npm then leaves the other platforms out of package-lock.json and a later
// `npm ci` refuses the lockfile as out of sync. This adds those optional, platform-gated entries
// back (npm ci skips them on a non-matching platform without fetching them).
// Run after `npm install` changes the lockfile: `node .ci/lockfile-platforms.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const core = lock.packages['node_modules/@swc/core'];
const PLATFORM = {
  'darwin-arm64': [['darwin'], ['arm64']], 'darwin-x64': [['darwin'], ['x64']],
  'linux-arm-gnueabihf': [['linux'], ['arm']], 'linux-arm64-gnu': [['linux'], ['arm64'], ['glibc']],
  'linux-arm64-musl': [['linux'], ['arm64'], ['musl']], 'linux-ppc64-gnu': [['linux'], ['ppc64'], ['glibc']],
  'linux-s390x-gnu': [['linux'], ['s390x'], ['glibc']], 'linux-x64-gnu': [['linux'], ['x64'], ['glibc']],
  'linux-x64-musl': [['linux'], ['x64'], ['musl']], 'win32-arm64-msvc': [['win32'], ['arm64']],
  'win32-ia32-msvc': [['win32'], ['ia32']], 'win32-x64-msvc': [['win32'], ['x64']],
};
let added = 0;
for (const [name, version] of Object.entries(core?.optionalDependencies ?? {})) {
  const key = `node_modules/${name}`;
  if (lock.packages[key]) continue;
  const [os, cpu, libc] = PLATFORM[name.replace('@swc/core-', '')] ?? [];
  lock.packages[key] = { version, cpu, ...(libc ? { libc } : {}), license: 'Apache-2.0 AND MIT', optional: true, os, engines: { node: '>=10' } };
  added += 1;
}
writeFileSync('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
console.log(`lockfile: added ${added} platform entries`);
