import type { Page } from 'playwright-core';

/**
 * Points the app at a Request Tracker queue through its own Settings channels (connector, then
 * token, as an analyst would) and returns main's reachability verdict: `online`, `offline`,
 * `unconfigured`, or `error` when the check itself failed.
 */
export function connectToRt(page: Page, target: { url: string; queue: string; token: string }): Promise<string> {
  return page.evaluate(async ({ url, queue, token }) => {
    const api = window.deskbook!;
    await api.settings.update({ connector: { kind: 'request-tracker', url, queue } });
    await api.settings.setToken({ token });
    const n = await api.net.check();
    return n.ok ? n.value.state : 'error';
  }, target);
}
