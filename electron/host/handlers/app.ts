import type { NetMonitor } from '../../net/monitor';
import { platformName } from '../platform';
import type { Platform } from '../platform';
import type { DomainHandlers } from './types';

/** `app:*`: what this build is and where it runs. */
export function appHandlers(platform: Pick<Platform, 'appName' | 'appVersion' | 'os' | 'shell'>): DomainHandlers<'app'> {
  return {
    'app:info': () => ({ name: platform.appName, version: platform.appVersion, platform: platformName(platform.os), shell: platform.shell }),
  };
}

/** `net:*`: main's reachability probe of the ticketing system (not the network card's opinion). */
export function netHandlers(net: NetMonitor): DomainHandlers<'net'> {
  return {
    'net:status': () => net.current(),
    'net:check': () => net.check(),
  };
}
