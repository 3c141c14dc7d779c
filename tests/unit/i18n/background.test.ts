// @vitest-environment node
import { describe, expect, test, vi } from 'vitest';
import { createReamazeClient } from '@/lib/api/client';
import { ReamazeApiError } from '@/lib/api/errors';
import { createConversationSearch } from '@/lib/lookup/search';
import { describeIds } from '@/lib/lookup/classify';
import { createRouter, type Handlers } from '@/lib/messaging/router';
import { protocol } from '@/lib/messaging/protocol';
import { fakeFetch, fakeSleep, reply } from '../fake-fetch';
import { i18nFor } from './locales';

/*
 * What the background writes reaches the agent in their language: API errors, what a lookup
 * searched and its warnings, and the router's refusals with the settings schemas' messages.
 */

const CREDENTIALS = { brand: 'northwind', email: 'agent@northwind.example', token: 'tok' };

async function apiError(lang: string, call: (client: ReturnType<typeof clientIn>) => unknown) {
  const error = await Promise.resolve()
    .then(() => call(clientIn(lang)))
    .catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ReamazeApiError);
  return (error as ReamazeApiError).message;
}

let replies: Response[] = [];
function clientIn(lang: string) {
  const { fetch } = fakeFetch(...replies);
  return createReamazeClient(CREDENTIALS, { fetch, sleep: fakeSleep().sleep, t: i18nFor(lang).t });
}

describe('API errors', () => {
  test('a rejected token, in French', async () => {
    replies = [reply('{}', 401)];
    expect(await apiError('fr', (client) => client.listStaff())).toBe(
      'Re:amaze a refusé l’e-mail de connexion ou le jeton d’API pour « northwind ». Vérifiez-les ' +
        'dans les options de l’extension (un jeton se crée dans Re:amaze sous Settings → ' +
        'Developer → API Token).',
    );
  });

  test('a server failure while sending a reply, in German, names the action', async () => {
    replies = [reply('{}', 503)];
    const message = await apiError('de', (client) =>
      client.createMessage('where-is-1042', { body: 'Hallo', visibility: 'reply', originId: 'o1' }),
    );
    expect(message).toBe(
      'Re:amaze hatte in „northwind“ bei diesem Vorgang ein Serverproblem (HTTP 503): diese ' +
        'Antwort an die Konversation „where-is-1042“ senden. Das ist meist vorübergehend; prüfen ' +
        'Sie in Re:amaze, ob er trotzdem ausgeführt wurde, bevor Sie es in einigen Minuten ' +
        'erneut versuchen.',
    );
  });

  test('a missing conversation and a change of several fields, in Spanish', async () => {
    replies = [reply('{}', 404)];
    expect(await apiError('es', (client) => client.getConversation('nope-1'))).toBe(
      'Re:amaze no tiene ninguna conversación «nope-1» en la marca «northwind».',
    );
    replies = [reply('{}', 403)];
    expect(
      await apiError('es', (client) =>
        client.updateConversation('c-1', { assignee: 'a@b.example', tagList: ['vip'] }),
      ),
    ).toMatch(
      /^Re:amaze no permitió a este token de API cambiar la asignación y las etiquetas de la conversación «c-1» en «northwind»\./,
    );
  });
});

describe('what was searched, and why some of it was not', () => {
  test('each id in the agent’s words, with its channel, in Spanish and French', () => {
    const ids = {
      orderRefs: ['1042'],
      originIds: [{ id: '113-1234567-1234567', marketplace: 'amazon' as const }],
      emails: ['maya.chen@example.net'],
    };
    expect(describeIds(i18nFor('es').t, ids, { amazon: 'amazon-us' })).toEqual([
      'pedido n.º 1042',
      'pedido de Amazon 113-1234567-1234567 en el canal amazon-us',
      'correo electrónico del cliente maya.chen@example.net',
    ]);
    expect(describeIds(i18nFor('fr').t, ids, {})).toEqual([
      'commande n° 1042',
      'commande Amazon 113-1234567-1234567 (aucun canal choisi)',
      'e-mail client maya.chen@example.net',
    ]);
  });

  test('a search’s description and its warning come back in French', async () => {
    const t = i18nFor('fr').t;
    const { fetch } = fakeFetch(reply(JSON.stringify({ total_count: 0, channels: [] })));
    const search = createConversationSearch({
      t,
      createClient: (credentials, options) =>
        createReamazeClient(credentials, { ...options, fetch, t }),
    });
    const result = await search.search(
      { ...CREDENTIALS, marketplaceChannels: {} },
      { orderRefs: [], originIds: [{ id: '12-34567-89012', marketplace: 'ebay' }], emails: [] },
      { dataKeys: [] },
    );
    expect(result.searched).toEqual(['commande eBay 12-34567-89012 (aucun canal choisi)']);
    expect(result.warnings).toEqual([
      'Non recherché : 12-34567-89012 (aucun canal Re:amaze n’est défini pour ebay ; ' +
        'choisissez-en un dans les options).',
    ]);
    expect(result.unsearched).toBe(true);
  });
});

describe('the router’s refusals', () => {
  const self = { id: 'ext', origin: 'chrome-extension://ext' };
  const page = {
    id: 'ext',
    origin: 'chrome-extension://ext',
    url: 'chrome-extension://ext/o.html',
  };
  const handlers = Object.fromEntries(
    Object.keys(protocol).map((name) => [name, vi.fn(async () => ({}))]),
  ) as unknown as Handlers;

  test('a schema’s messages are put in the agent’s words: Spanish', async () => {
    const route = createRouter(handlers, self, i18nFor('es').t);
    const answer = await route(
      { type: 'saveBrand', payload: { brand: 'no way', email: 'x', token: '' } },
      page,
    );
    expect(answer).toMatchObject({
      ok: false,
      error: {
        kind: 'invalidInput',
        fieldErrors: {
          brand: [
            'Introduzca la marca tal como aparece en su dirección de Re:amaze: «northwind» para ' +
              'northwind.reamaze.io.',
          ],
        },
      },
    });
  });

  test('a sender that may not ask, in German', async () => {
    const route = createRouter(handlers, self, i18nFor('de').t);
    const answer = await route(
      { type: 'getSettings', payload: {} },
      { origin: 'https://shop.example', url: 'https://shop.example/', tab: { id: 3 } },
    );
    expect(answer).toEqual({
      ok: false,
      error: { kind: 'forbidden', message: 'Dieser Teil der Seite darf das nicht anfordern.' },
    });
  });
});
