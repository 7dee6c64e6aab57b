import { defineConfig } from 'wxt';

/**
 * The browser extension (WXT). Sources live in `extension/`; the engine under `rules/` is imported with relative
 * paths so the same modules type-check with the root tsconfig and run under the root vitest config.
 *
 * Permissions are minimal: no host access at install. The overlay content script is registered at runtime
 * (`registration: 'runtime'` in its entrypoint) for each origin the user enables, after an optional host
 * permission for that origin is granted; see extension/entrypoints/background.ts.
 *
 * `GOVAUDIT_E2E_HOSTS` (comma-separated match patterns) builds a test copy into `.output/e2e/` that is granted
 * those hosts at install, because a headless browser cannot answer the permission prompt. Everything after the
 * grant (registration, injection, overlay, panel) runs the same code as the real extension.
 */
const e2eHosts = (process.env.GOVAUDIT_E2E_HOSTS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
const SITE_ORIGINS = ['http://*/*', 'https://*/*'];

export default defineConfig({
  srcDir: 'extension',
  publicDir: 'extension/public',
  outDir: e2eHosts.length > 0 ? '.output/e2e' : '.output',
  // Explicit imports everywhere: the root tsconfig does not see WXT's generated auto-import declarations.
  imports: false,
  manifest: ({ browser, manifestVersion }) => {
    const permissions = ['storage', 'activeTab', 'scripting', ...(browser === 'firefox' ? [] : ['sidePanel'])];
    return {
      name: 'govaudit 政府网站检查助手',
      description: '在浏览政府网站时按检查指标标注栏目更新情况，供测评人员与网站管理人员自查 / Audit overlay for Chinese government websites',
      action: { default_title: 'govaudit' },
      ...(manifestVersion === 3
        ? { permissions, optional_host_permissions: SITE_ORIGINS, ...(e2eHosts.length > 0 ? { host_permissions: e2eHosts } : {}) }
        : { permissions: [...permissions, ...e2eHosts], optional_permissions: SITE_ORIGINS }),
      ...(browser === 'firefox' ? { browser_specific_settings: { gecko: { id: 'govaudit@example.org', strict_min_version: '115.0' } } } : {}),
    };
  },
});
