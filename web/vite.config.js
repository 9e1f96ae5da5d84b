import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The dashboard: plain JS + JSX compiled by esbuild into preact `h()` calls (no framework plugin).
// `npm run build:web` writes web/dist/, which `brink serve` serves under /. In development,
// `npx vite web` proxies /api to a running `brink serve` on port 8080.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  esbuild: { jsxFactory: 'h', jsxFragment: 'Fragment', jsxInject: `import { h, Fragment } from 'preact'` },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500, reportCompressedSize: false },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
