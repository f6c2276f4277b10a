import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { errors } from './errors.ts';

const NOT_BUILT_PAGE = `<!doctype html><html lang="vi"><meta charset="utf-8"><title>vetplan</title>
<body style="font-family:sans-serif;max-width:40rem;margin:3rem auto">
<h1>vetplan</h1><p>Giao diện web chưa được xây dựng. Hãy chạy <code>npm run build</code> rồi tải lại trang.</p>
<p lang="en">The web app has not been built. Run <code>npm run build</code> and reload.</p></body></html>`;

/**
 * Serves the built web app (when `distDir` is given), with index.html for
 * client-side routes; unknown /api paths and non-GET requests answer JSON 404.
 */
export async function registerWebApp(app: FastifyInstance, distDir: string | null): Promise<void> {
  const built = distDir !== null && fs.existsSync(path.join(distDir, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root: distDir!,
      wildcard: false,
      index: false,
      maxAge: '1h',
      setHeaders: (res, filePath) => {
        if (filePath.includes(`${path.sep}assets${path.sep}`)) res.header('cache-control', 'public, max-age=31536000, immutable');
        // The service worker names the files of each build: a new build must reach the browser at once.
        else if (path.basename(filePath) === 'sw.js') res.header('cache-control', 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0] ?? '';
    if (url.startsWith('/api') || (request.method !== 'GET' && request.method !== 'HEAD')) {
      throw errors.notFound(`đường dẫn ${request.method} ${url}`, `The route ${request.method} ${url}`);
    }
    if (!built) return reply.type('text/html; charset=utf-8').send(NOT_BUILT_PAGE);
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
