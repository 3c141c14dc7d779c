import type { PlatformDetector } from '../types';
import { detection, text } from '../extract';

const SOLD = /^\/your\/orders\/sold(?:\/(\d{8,}|[a-z-]+))?\/?$/;
/** Receipt ids; listing and transaction ids have the same length, so only labelled values count. */
const RECEIPT = /^\d{8,12}$/;

export const etsy: PlatformDetector = {
  id: 'etsy',
  name: 'Etsy',
  selfHosted: false,
  examples: [
    { url: 'https://www.etsy.com/your/orders/sold?order_id=1234567890', kind: 'order' },
    { url: 'https://www.etsy.com/your/orders/sold/1234567890', kind: 'order' },
    { url: 'https://www.etsy.com/your/orders/sold/new', kind: 'order-list' },
    { url: 'https://www.etsy.com/listing/1234567890/kettle', kind: 'none' },
  ],
  pageKind(url) {
    if (url.hostname !== 'www.etsy.com') return 'none';
    const match = url.pathname.match(SOLD);
    if (!match) return 'none';
    return url.searchParams.has('order_id') || /^\d+$/.test(match[1] ?? '') ? 'order' : 'order-list';
  },
  detect(url, doc) {
    const kind = this.pageKind(url);
    if (kind === 'none') return detection(null, 'none');
    const fromUrl = url.searchParams.get('order_id') ?? url.pathname.match(SOLD)?.[1];
    const labelled = [...doc.querySelectorAll('a, span, h1, h2, h3')].flatMap((el) => {
      const id = text(el).match(/^Order #(\d{8,12})$/)?.[1];
      return id ? [id] : [];
    });
    const ids = [...(kind === 'order' && fromUrl ? [fromUrl] : []), ...labelled];
    return detection('etsy', kind, {
      originIds: ids.filter((id) => RECEIPT.test(id)).map((id) => ({ id, marketplace: 'etsy' as const })),
    });
  },
};
