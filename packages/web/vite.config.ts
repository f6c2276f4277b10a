import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv } from 'vite';

// Run from packages/web (`npm run build -w @vetplan/web`, `npm run dev -w @vetplan/web`).
// The dev server sends /api to the vetplan server: http://127.0.0.1:3000, or VETPLAN_API_URL.
export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, '.', '');
  return {
    plugins: [react()],
    server: {
      proxy: {
        '/api': { target: env.VETPLAN_API_URL || 'http://127.0.0.1:3000' },
      },
    },
    build: {
      outDir: 'dist',
      emptyOutDir: true,
    },
  };
});
