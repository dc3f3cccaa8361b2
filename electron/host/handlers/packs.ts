import type { PackDistribution } from '../../packs';
import type { DomainHandlers } from './types';

/** `packs:*`: the district's signed SOP pack, verified here before the renderer sees it. */
export function packHandlers(packs: PackDistribution): DomainHandlers<'packs'> {
  return {
    'packs:district': () => packs.current(),
    'packs:refresh': () => packs.refresh(),
  };
}
