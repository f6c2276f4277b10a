import type { AppContext } from '../../context.ts';
import type { App } from '../../http/app-type.ts';
import { errors } from '../../http/errors.ts';
import { ErrorResponses } from '../../http/openapi.ts';
import { ImportResponse } from '../data-values/schema.ts';
import { DemoRemovalResponse } from './schema.ts';
import { describeRemoval, loadDemoData, removeDemoData } from './service.ts';

/** The synthetic 2021–2025 history: loaded into an empty installation, removed when the office goes live. */
export function demoRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/api/demo-data',
    {
      config: { access: { roles: ['admin'], reach: 'every-plan' }, longWork: true },
      schema: {
        tags: ['data'],
        summary: 'Load the synthetic 2021–2025 history into an installation that has no figures yet',
        response: { 200: ImportResponse, ...ErrorResponses },
      },
    },
    async (request) => {
      const result = await loadDemoData(ctx, request.auth!.username);
      if (!result)
        throw errors.conflict(
          'Hệ thống đã có số liệu; dữ liệu mẫu chỉ nạp vào hệ thống chưa có số liệu.',
          'There are figures already; the demo history loads only into an installation without any.',
        );
      return result;
    },
  );

  app.delete(
    '/api/demo-data',
    {
      config: { access: { roles: ['admin'], reach: 'every-plan' }, longWork: true },
      schema: {
        tags: ['data'],
        summary:
          'Going live: remove the synthetic demo history (its values and their history), keeping users, ' +
          'settings and every value people entered or changed',
        response: { 200: DemoRemovalResponse, ...ErrorResponses },
      },
    },
    async (request) => {
      const removal = await removeDemoData(ctx, request.auth!.username, request.ip);
      const text = describeRemoval(removal);
      return { ...removal, message: text.vi, messageEn: text.en };
    },
  );
}
