import type { FastifyRequest } from 'fastify';
import type { App } from './app-type.ts';
import type { Foreground } from './foreground.ts';

const counted = new WeakSet<FastifyRequest>();

/** Counts every request in flight as interactive but those of routes marked `longWork` (see foreground.ts). */
export function registerForeground(app: App, foreground: Foreground): void {
  const finish = async (request: FastifyRequest) => {
    if (counted.delete(request)) foreground.end();
  };
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config?.longWork) return;
    counted.add(request);
    foreground.begin();
  });
  app.addHook('onResponse', finish);
  app.addHook('onRequestAbort', finish);
}
