import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { interceptLinks, location, navigate } from './lib/router.svelte';
import { whenUnauthenticated } from './lib/api';
import { session } from './lib/session.svelte';
import { language } from './lib/i18n.svelte';

document.documentElement.lang = language.locale;
interceptLinks();
whenUnauthenticated(() => {
  session.expired();
  if (location.path !== '/logga-in') {
    navigate(`/logga-in?utgangen=1&tillbaka=${encodeURIComponent(location.path + location.search)}`, { replace: true });
  }
});
void session.load();

mount(App, { target: document.getElementById('app')! });
