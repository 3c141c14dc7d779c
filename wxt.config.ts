import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'Re:amaze Inline',
    description:
      'See the Re:amaze conversations linked to an order or customer without leaving your store admin.',
    permissions: ['storage'],
    host_permissions: ['https://*.reamaze.io/*'],
  },
});
