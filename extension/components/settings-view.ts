import { SITE_KINDS, type SiteKind } from '../../rules/model/snapshot.ts';
import { h } from '../lib/dom.ts';
import { KIND_TEXT, local, t } from '../lib/i18n.ts';
import type { Lang, Settings, SiteConfig } from '../lib/model.ts';
import { builtinPackIds, columnClassesFor, packsById } from '../lib/packs.ts';
import type { GovauditStore } from '../lib/store.ts';

/** The settings form, shared by the side panel and the options page. Every change is saved at once. */

export interface SettingsViewContext {
  store: GovauditStore;
  settings: Settings;
  /** The site being browsed, for per-site settings (absent on the options page). */
  site?: { origin: string; config: SiteConfig; currentUrl?: string };
}

function kindOptions(selected: string | undefined, lang: Lang, withDefault: boolean): HTMLOptionElement[] {
  const opts: HTMLOptionElement[] = [];
  if (withDefault) opts.push(h('option', { attrs: { value: '' } }, `(${t('defaultKind', lang)})`));
  for (const k of SITE_KINDS) {
    const o = h('option', { attrs: { value: k } }, `${KIND_TEXT[k][lang]} (${k})`);
    if (k === selected) o.selected = true;
    opts.push(o);
  }
  return opts;
}

export function settingsView(ctx: SettingsViewContext): HTMLElement {
  const { store, settings } = ctx;
  const lang = settings.lang;
  const save = (patch: Partial<Settings>) => void store.setSettings(patch);

  const packList = h('div', { class: 'packs', dataset: { testid: 'packs' } });
  for (const id of builtinPackIds()) {
    let title = id;
    try {
      title = local(packsById([id])[0]?.title, lang) || id;
    } catch {
      // A pack that fails to load is still listed by id; choosing it does nothing.
    }
    const box = h('input', { attrs: { type: 'checkbox', value: id } });
    box.checked = settings.packs.includes(id);
    box.addEventListener('change', () => {
      const chosen = new Set(settings.packs);
      if (box.checked) chosen.add(id);
      else chosen.delete(id);
      save({ packs: builtinPackIds().filter((p) => chosen.has(p)) });
    });
    const expired = h('input', { attrs: { type: 'checkbox', value: id }, dataset: { testid: `apply-expired-${id}` } });
    expired.checked = (settings.applyExpired ?? []).includes(id);
    expired.addEventListener('change', () => {
      const chosen = new Set(settings.applyExpired ?? []);
      if (expired.checked) chosen.add(id);
      else chosen.delete(id);
      save({ applyExpired: builtinPackIds().filter((p) => chosen.has(p)) });
    });
    packList.append(h('label', { class: 'check' }, box, ' ', title, h('small', {}, ` ${id}`)), h('label', { class: 'check sub' }, expired, ' ', h('small', {}, t('applyExpired', lang))));
  }

  const kind = h('select', { dataset: { testid: 'kind' } }, ...kindOptions(settings.kind, lang, false));
  kind.addEventListener('change', () => save({ kind: kind.value as SiteKind }));

  const langSel = h('select', { dataset: { testid: 'lang' } }, h('option', { attrs: { value: 'zh' } }, '中文'), h('option', { attrs: { value: 'en' } }, 'English'));
  langSel.value = lang;
  langSel.addEventListener('change', () => save({ lang: langSel.value as Lang }));

  const prefetch = h('input', { attrs: { type: 'checkbox' } });
  prefetch.checked = settings.prefetch;
  prefetch.addEventListener('change', () => save({ prefetch: prefetch.checked }));

  const auditDate = h('input', { attrs: { type: 'date', value: settings.auditDate ?? '' } });
  auditDate.addEventListener('change', () => save({ auditDate: auditDate.value || undefined }));

  const form = h('div', { class: 'settings' },
    h('h3', {}, t('packs', lang)), packList,
    h('label', { class: 'field' }, t('siteKind', lang), ' ', kind),
    h('label', { class: 'field' }, t('language', lang), ' ', langSel),
    h('label', { class: 'check' }, prefetch, ' ', t('prefetch', lang)),
    h('label', { class: 'field' }, t('auditDate', lang), ' ', auditDate),
  );
  if (ctx.site) form.append(siteSettings(ctx.store, settings, ctx.site));
  return form;
}

function siteSettings(store: GovauditStore, settings: Settings, site: NonNullable<SettingsViewContext['site']>): HTMLElement {
  const lang = settings.lang;
  const config: SiteConfig = structuredClone(site.config);
  const save = () => void store.setConfig(site.origin, config);
  const classes = columnClassesFor(packsById(settings.packs));

  const kind = h('select', { dataset: { testid: 'site-kind' } }, ...kindOptions(config.kind, lang, true));
  kind.value = config.kind ?? '';
  kind.addEventListener('change', () => {
    if (kind.value) config.kind = kind.value as SiteKind;
    else delete config.kind;
    save();
  });

  const home = h('input', { attrs: { type: 'url', value: config.homeUrl ?? '', placeholder: `${site.origin}/` } });
  home.addEventListener('change', () => {
    if (home.value && home.value.startsWith(site.origin)) config.homeUrl = home.value;
    else delete config.homeUrl;
    save();
  });

  const list = h('ul', { class: 'overrides', dataset: { testid: 'column-overrides' } });
  for (const [classId, o] of Object.entries(config.columns)) {
    const remove = h('button', { attrs: { type: 'button' } }, '×');
    remove.addEventListener('click', () => {
      delete config.columns[classId];
      save();
    });
    list.append(h('li', {}, h('strong', {}, local(classes[classId]?.name, lang) || classId), ' ', h('code', {}, o.url), ' ', remove));
  }
  const classSel = h('select', {}, ...Object.entries(classes).map(([id, c]) => h('option', { attrs: { value: id } }, `${local(c.name, lang)} (${id})`)));
  const url = h('input', { attrs: { type: 'url', placeholder: `${site.origin}/…` } });
  const useCurrent = h('button', { attrs: { type: 'button' } }, t('useThisPage', lang));
  useCurrent.addEventListener('click', () => {
    if (site.currentUrl) url.value = site.currentUrl;
  });
  const add = h('button', { attrs: { type: 'button' } }, t('add', lang));
  add.addEventListener('click', () => {
    try {
      const u = new URL(url.value);
      if (u.origin !== site.origin) return;
      config.columns[classSel.value] = { url: u.href };
      save();
    } catch {
      // Not a URL: nothing saved.
    }
  });
  return h('div', { class: 'site-settings' },
    h('h3', {}, site.origin),
    h('label', { class: 'field' }, t('siteKindHere', lang), ' ', kind),
    h('label', { class: 'field' }, t('homeUrl', lang), ' ', home),
    h('h4', {}, t('columnOverrides', lang)), list,
    h('div', { class: 'add-override' }, classSel, url, useCurrent, add),
  );
}
