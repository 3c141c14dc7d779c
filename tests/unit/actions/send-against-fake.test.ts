// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createActionService } from '@/lib/actions/service';
import { createReamazeClient } from '@/lib/api/client';
import type { Credentials } from '@/lib/settings/schema';
import { DEFAULT_SETTINGS } from '@/lib/settings/schema';
import { activityLog } from '@/lib/storage/activity';
import { drafts } from '@/lib/storage/drafts';
import { knownTags } from '@/lib/storage/known-tags';
import { makeCertificate } from '../../fakes/certificate';
import { DEMO, demoData } from '../../fakes/demo-data';
import { startFakeReamaze, type FakeReamaze } from '../../fakes/reamaze-server';
import { httpsToFake } from '../fakes/https-to-fake';
import { english } from '../i18n/locales';

/*
 * A send whose answer never came, tried again, against the fake Re:amaze over HTTPS: the first
 * try did reach it, so the second is refused for its origin id, and that counts as sent.
 */
let fake: FakeReamaze;
let cert: string;

beforeAll(async () => {
  const made = await makeCertificate(['*.reamaze.io']);
  cert = made.cert;
  fake = await startFakeReamaze({ cert, key: made.key, data: demoData });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const ref = { brand: DEMO.brand, slug: DEMO.conversation.slug };
const body = 'Your parcel left the depot today; tracking follows.';

function actions() {
  const createClient = (credentials: Credentials) =>
    createReamazeClient(credentials, {
      t: english.t,
      fetch: httpsToFake(
        () => fake.port,
        () => cert,
      ),
      sleep: async () => undefined,
      timeoutMs: 150,
    });
  const settings = {
    ...DEFAULT_SETTINGS,
    brands: [
      {
        brand: DEMO.brand,
        email: DEMO.login.email,
        token: DEMO.login.token,
        marketplaceChannels: {},
      },
    ],
  };
  return createActionService({
    t: english.t,
    createClient,
    loadSettings: async () => settings,
    drafts,
    activity: activityLog,
    knownTags,
    tabs: {
      shown: async () => undefined,
      replaceMatch: async () => undefined,
      addMatch: async () => undefined,
    },
  });
}

describe('a send retried after its answer was lost', () => {
  test('the retry is refused for its origin id, counts as sent, and the thread holds one copy', async () => {
    const service = actions();
    const draft = await service.saveDraft(ref, {
      body,
      visibility: 'reply',
      suppressNotifications: false,
      suppressAutoresolve: true,
    });
    // Re:amaze writes, then answers too late: the client gives up.
    fake.configure({ latencyMs: 1_000 });
    await expect(service.send(ref)).rejects.toMatchObject({ kind: 'timeout' });
    expect(await drafts.get(ref)).toMatchObject({ originId: draft.originId, attempts: 1 });

    fake.configure({ latencyMs: 0 });
    const retried = await service.send(ref);
    expect(retried).toMatchObject({ alreadySent: true, message: { body, internal: false } });
    // suppress_autoresolve kept its status, and the answer carries the conversation as it is.
    expect(retried.conversation?.status).toBe(
      fake.conversation(DEMO.brand, DEMO.conversation.slug)!.status,
    );
    expect(await drafts.get(ref)).toBeUndefined();

    const posts = fake.log.filter((entry) => entry.method === 'POST');
    expect(
      posts.map((entry) => [
        entry.status,
        (entry.body as { message: { origin_id: string } }).message.origin_id,
      ]),
    ).toEqual([
      [200, draft.originId],
      [422, draft.originId],
    ]);
    const stored = fake.conversation(DEMO.brand, DEMO.conversation.slug)!;
    expect(stored.messages.filter((message) => message.body.includes(body))).toHaveLength(1);
    expect((await service.activity(ref)).map((entry) => [entry.what, entry.result])).toEqual([
      ['Reply sent', 'done'],
      ['Reply not sent', 'failed'],
    ]);
  });

  test('an edit made after the lost try is kept as a new draft, never taken for what was sent', async () => {
    const service = actions();
    const first = await service.saveDraft(ref, {
      body,
      visibility: 'reply',
      suppressNotifications: false,
      suppressAutoresolve: false,
    });
    fake.configure({ latencyMs: 1_000 });
    await expect(service.send(ref)).rejects.toMatchObject({ kind: 'timeout' });
    fake.configure({ latencyMs: 0 });
    const edited = `${body} Sorry for the wait.`;
    await service.saveDraft(ref, {
      body: edited,
      visibility: 'reply',
      suppressNotifications: false,
      suppressAutoresolve: false,
    });

    const retried = await service.send(ref);
    expect(retried).toMatchObject({ alreadySent: true, editedDraftKept: true, message: { body } });
    // A staff reply resolves the conversation unless told not to: the answer shows it resolved.
    expect(retried.conversation?.status).toBe(2);
    const kept = await drafts.get(ref);
    expect(kept).toMatchObject({ body: edited, attempts: 0 });
    expect(kept?.originId).not.toBe(first.originId);

    // Sent now, it is a message of its own; the first text is still there once.
    await service.send(ref);
    const stored = fake.conversation(DEMO.brand, DEMO.conversation.slug)!;
    expect(stored.messages.filter((message) => message.body === body)).toHaveLength(1);
    expect(stored.messages.filter((message) => message.body === edited)).toHaveLength(1);
    expect(await drafts.get(ref)).toBeUndefined();
  });
});
