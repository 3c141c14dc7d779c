import { describe, expect, test } from 'vitest';
import { OptionsApp } from '@/components/options-app';
import { UserRulesSection } from '@/components/options/rules-section';
import { fireEvent, render, screen, waitFor, within } from '../components/render';
import {
  brand,
  fakeSend,
  LEGACY_PAGE,
  LEGACY_RULE,
  ok,
  pageReplies,
  services,
  settings,
} from '../components/options-fakes';
import { i18nFor } from './locales';

/* The options page in another language: every section, the rule preview and a rule's problems. */

describe('the options page in French', () => {
  test('every section is named, explained and labelled in French', async () => {
    const current = settings({
      brands: [brand('northwind'), brand('southwind')],
      storeBrands: [{ store: 'admin.shopify.com/store/acme', brand: 'southwind' }],
      dataKeys: ['order_number'],
    });
    const send = fakeSend(
      pageReplies(current, {
        getUserRules: () => ok([LEGACY_RULE]),
        getSitePrefs: () => ok({ 'https://shop.example': { autoOpen: true, width: 420 } }),
      }),
    );
    render(<OptionsApp services={services(send)} />, i18nFor('fr'));
    await screen.findByRole('region', { name: 'Marques' });
    for (const name of [
      'Boutiques et marques',
      'Canaux des marketplaces',
      'Clés de données personnalisées',
      'Règles de détection',
      'Panneau latéral',
      'Importer et exporter',
    ]) {
      expect(screen.getByRole('region', { name })).toBeTruthy();
    }
    await screen.findByLabelText('Canal Amazon');
    await screen.findByRole('group', { name: 'Legacy shop' });
    await screen.findByLabelText('Largeur en pixels');
    expect(screen.getByLabelText('Adresse de la boutique')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Supprimer la clé order_number' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Tester cette règle sur la page actuelle' }));
    expect(screen.getByRole('button', { name: 'Exporter les paramètres' })).toBeTruthy();
    const text = document.body.textContent ?? '';
    for (const english of [
      'Stores and brands',
      'Save stores',
      'Save channels',
      'Add key',
      'Rule name',
      'Open automatically',
      'Forget',
      'Export settings',
      'Remove',
      'order number',
    ]) {
      expect(text).not.toContain(english);
    }
  });

  test('a rule’s preview says what it finds, and its problems, in French', async () => {
    const send = fakeSend({
      getUserRules: () => ok([LEGACY_RULE, { ...LEGACY_RULE, id: 'rule-2', name: 'Autre' }]),
      testRule: () =>
        ok({
          url: LEGACY_PAGE,
          matched: true,
          orderRefs: ['1042'],
          originIds: [{ id: '113-1234567-1234567', marketplace: 'amazon' }],
          emails: ['maya.chen@example.net'],
        }),
    });
    render(<UserRulesSection send={send} />, i18nFor('fr'));
    const legacy = within(await screen.findByRole('group', { name: 'Legacy shop' }));
    fireEvent.click(
      legacy.getByRole('button', { name: 'Tester cette règle sur la page actuelle' }),
    );
    await waitFor(() =>
      expect(legacy.getByRole('status').textContent).toBe(
        `Sur ${LEGACY_PAGE}, cette règle trouve : commande n° 1042, commande Amazon ` +
          '113-1234567-1234567, e-mail client maya.chen@example.net.',
      ),
    );

    const other = within(screen.getByRole('group', { name: 'Autre' }));
    fireEvent.input(other.getByLabelText('Nom de la règle'), { target: { value: ' ' } });
    fireEvent.input(other.getByLabelText('Modèle d’URL'), { target: { value: 'legacy' } });
    fireEvent.click(other.getByRole('button', { name: 'Tester cette règle sur la page actuelle' }));
    expect(await screen.findByText('Donnez un nom à la règle.')).toBeTruthy();
    expect(
      screen.getByText('Utilisez un modèle de correspondance comme https://shop.example/admin/*.'),
    ).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe('Corrigez d’abord les champs signalés.');
  });
});

describe('the options page in German and Spanish', () => {
  test('section names and a failure the page itself reports', async () => {
    const send = fakeSend(pageReplies(settings()));
    render(<OptionsApp services={services(send)} />, i18nFor('de'));
    expect(await screen.findByRole('region', { name: 'Shops und Marken' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Erkennungsregeln' })).toBeTruthy();
  });

  test('a failure the page itself reports (no answer from the background) is Spanish', async () => {
    const send = fakeSend({
      ...pageReplies(settings()),
      getSettings: () => ({ ok: false, error: { kind: 'internal', message: 'errors.noAnswer' } }),
    });
    render(<OptionsApp services={services(send)} />, i18nFor('es'));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'El segundo plano de la extensión no respondió.',
    );
  });
});
