import { defineBackground } from '#imports';
import { browser } from 'wxt/browser';
import { createRouter } from '@/lib/messaging/router';
import { createHandlers } from './handlers';

export default defineBackground(() => {
  // Content scripts must never read the stored API token.
  void browser.storage.local
    .setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' })
    ?.catch((error: unknown) => console.error('Could not restrict storage access', error));

  const route = createRouter(createHandlers(), {
    id: browser.runtime.id,
    origin: browser.runtime.getURL('/').replace(/\/$/, ''),
  });
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
});
