// The web UI: static assets under /ui calling the same JSON API, and the two libraries it uses,
// served straight from their installed packages (nothing bundled or committed, no CDN):
// uPlot (/ui/uPlot.esm.js, /ui/uPlot.min.css: the risk timeline and the sparklines) and Pico CSS
// (/ui/pico.min.css: the base styles of forms, buttons, tables and dialogs that style.css builds on).
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const UI_ROOT = fileURLToPath(new URL('../ui/', import.meta.url));

const require = createRequire(import.meta.url);
/** A package's folder as Node resolves it (hoisted or nested, wherever npm put it). */
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

/** The library folders the app's own files are looked up before, and the only files served from each. */
export const VENDOR: Array<{ root: string; files: string[] }> = [
  { root: join(packageDir('uplot'), 'dist'), files: ['/uPlot.esm.js', '/uPlot.min.css'] },
  { root: join(packageDir('@picocss/pico'), 'css'), files: ['/pico.min.css'] },
];

const VENDOR_FILES = new Set(VENDOR.flatMap((v) => v.files));

export default fp(async (app) => {
  // One wildcard route over several roots (tried in order): the app's files first, then the libraries'.
  await app.register(fastifyStatic, {
    root: [UI_ROOT, ...VENDOR.map((v) => v.root)], prefix: '/ui/',
    // A library root serves only its named files (a denied path ends the lookup, so any named file
    // passes every library root: it exists in one of them only).
    allowedPath: (path, root) => root === UI_ROOT || VENDOR_FILES.has(path),
  });
  app.get('/', { config: { public: true }, schema: { hide: true } }, (_req, reply) => reply.redirect('/ui/'));
  app.get('/ui', { config: { public: true }, schema: { hide: true } }, (_req, reply) => reply.redirect('/ui/'));
}, { name: 'static' });
