import { browser } from 'wxt/browser';
import '../../components/panel.css';
import { settingsView } from '../../components/settings-view.ts';
import { clear, h } from '../../lib/dom.ts';
import { t } from '../../lib/i18n.ts';
import { GovauditStore } from '../../lib/store.ts';

/** The options page: the global settings (per-site ones are in the side panel, where the site is known). */
const root = document.getElementById('app')!;
const store = new GovauditStore(browser.storage.local);

async function render(): Promise<void> {
  const settings = await store.getSettings();
  clear(root);
  document.documentElement.lang = settings.lang === 'zh' ? 'zh-CN' : 'en';
  root.append(h('h1', {}, `${t('appName', settings.lang)} · ${t('settings', settings.lang)}`), settingsView({ store, settings }));
}

browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && 'settings' in changes) void render();
});
void render();
