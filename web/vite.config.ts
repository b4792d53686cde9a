import { existsSync } from 'fs';
import { join } from 'path';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { mapAssets } from './map-assets';

const WEB = __dirname;
const ROOT = join(WEB, '..');
// A multi-page build: the dashboard, and the GraphiQL workbench when web/graphiql/ has its page.
const input: Record<string, string> = { main: join(WEB, 'index.html') };
if (existsSync(join(WEB, 'graphiql', 'index.html'))) input.graphiql = join(WEB, 'graphiql', 'index.html');

export default defineConfig({
  root: WEB,
  base: '/',
  plugins: [vue(), mapAssets()],
  // The filing form bundles the server's own check and edition modules (src/shared):
  // one copy of every rule. A build reads them by relative import; the dev server must be let out of web/.
  server: { fs: { allow: [ROOT] } },
  build: {
    outDir: join(WEB, 'dist'),
    emptyOutDir: true,
    assetsDir: 'assets',
    chunkSizeWarningLimit: 1500,
    rollupOptions: { input },
  },
});
