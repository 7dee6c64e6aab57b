import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import type { BackgroundMessage, CaptureReply, ContentMessage } from '../lib/messages.ts';

/**
 * Permissions: the extension has no host access at install. The overlay runs on a site only
 * - for the current tab after the user clicks the toolbar button (activeTab + scripting injection), and
 * - on every page of a site the user enabled from the panel, which grants that origin's optional host permission;
 *   the overlay is then registered for the granted origins (scripting.registerContentScripts) and survives restarts.
 */

const SCRIPT_ID = 'govaudit-overlay';
const SCRIPT_FILE = 'content-scripts/overlay.js';

async function grantedSitePatterns(): Promise<string[]> {
  const all = await browser.permissions.getAll();
  return (all.origins ?? []).filter((o) => /^(https?|\*):\/\//.test(o));
}

/** Registers the overlay for exactly the origins the user has granted (none: unregistered). */
async function syncRegistration(): Promise<string[]> {
  const matches = await grantedSitePatterns();
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (matches.length === 0) {
    if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
    return matches;
  }
  const script = { id: SCRIPT_ID, matches, js: [SCRIPT_FILE], runAt: 'document_idle' as const, persistAcrossSessions: true };
  if (existing.length > 0) await browser.scripting.updateContentScripts([script]);
  else await browser.scripting.registerContentScripts([script]);
  return matches;
}

async function overlayRunning(tabId: number): Promise<boolean> {
  try {
    const reply = await browser.tabs.sendMessage(tabId, { type: 'govaudit:ping' } satisfies ContentMessage);
    return !!(reply as { ok?: boolean } | undefined)?.ok;
  } catch {
    return false;
  }
}

async function injectOverlay(tabId: number): Promise<void> {
  if (await overlayRunning(tabId)) return;
  await browser.scripting.executeScript({ target: { tabId }, files: [SCRIPT_FILE] });
}

async function capture(tabId: number): Promise<CaptureReply> {
  try {
    const tab = await browser.tabs.get(tabId);
    if (!tab.active) return { ok: false, error: 'tab-not-visible' };
    const screenshot = await browser.tabs.captureVisibleTab(tab.windowId, { format: 'jpeg', quality: 70 });
    return { ok: true, evidence: { screenshot, url: tab.url ?? '', at: new Date().toISOString() } };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

function logError(e: unknown): void {
  console.warn('[govaudit]', e);
}

export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(() => void syncRegistration().catch(logError));
  browser.runtime.onStartup.addListener(() => void syncRegistration().catch(logError));
  browser.permissions.onAdded.addListener(() => void syncRegistration().catch(logError));
  browser.permissions.onRemoved.addListener(() => void syncRegistration().catch(logError));
  // A service worker woken for any other reason re-checks too: registration must never lag the grants.
  void syncRegistration().catch(logError);

  // Firefox builds MV2, where the toolbar button is `browserAction`.
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  action.onClicked.addListener((tab) => {
    // Opening the panel must happen inside the click (a user gesture), before anything is awaited.
    const b = browser as unknown as { sidePanel?: { open(o: { tabId: number }): Promise<void> }; sidebarAction?: { open(): Promise<void> } };
    if (b.sidePanel && tab.id !== undefined) void b.sidePanel.open({ tabId: tab.id }).catch(logError);
    else if (b.sidebarAction) void b.sidebarAction.open().catch(logError);
    if (tab.id !== undefined && /^https?:/.test(tab.url ?? '')) void injectOverlay(tab.id).catch(logError);
  });

  browser.runtime.onMessage.addListener((raw, _sender, sendResponse) => {
    const msg = raw as BackgroundMessage;
    if (msg?.type === 'govaudit:enable') {
      void syncRegistration()
        .then(() => injectOverlay(msg.tabId))
        .then(() => sendResponse({ ok: true }), (e: unknown) => sendResponse({ ok: false, error: String(e) }));
      return true;
    }
    if (msg?.type === 'govaudit:capture') {
      void capture(msg.tabId).then(sendResponse);
      return true;
    }
    return undefined;
  });
});
