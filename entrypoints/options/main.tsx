import { render } from 'preact';
import { OptionsApp, type OptionsServices } from '@/components/options-app';
import { send } from '@/lib/messaging/send';
import '@/components/styles.css';

const services: OptionsServices = {
  getSettings: () => send('getSettings', {}),
  save: (input) => send('saveSettings', input),
  testConnection: (input) => send('testConnection', input),
  lookupSettings: {
    load: () => send('getLookupSettings', {}),
    save: (settings) => send('saveLookupSettings', settings),
  },
  userRules: {
    load: () => send('getUserRules', {}),
    save: (rules) => send('saveUserRules', rules),
  },
};

render(<OptionsApp services={services} />, document.getElementById('app')!);
