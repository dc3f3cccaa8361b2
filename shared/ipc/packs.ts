import { z } from 'zod';
import { sopPackSchema } from '../sop/schema';

/**
 * Where the district's signed SOP pack stands (policies SopPackUrl and SopPackPublicKey).
 * `version` and `lastGoodAt` are the pack in use; `state` and `reason` the latest check, so
 * `refused` with a version means "the new file was refused, the last good one is still used".
 */
export const packStatusSchema = z.object({
  state: z.enum(['unconfigured', 'ok', 'refused', 'unreachable']),
  version: z.string().nullable(),
  /** When the server was last asked, this session. */
  checkedAt: z.string().nullable(),
  /** When the pack in use was last downloaded or confirmed by the server. */
  lastGoodAt: z.string().nullable(),
  /** Why the latest file was not used, in words for district IT; null when all is well. */
  reason: z.string().nullable(),
});
export type PackStatus = z.output<typeof packStatusSchema>;

/** The district pack in use (verified and linted by main), and its status. */
export const districtPackSchema = z.object({ pack: sopPackSchema.nullable(), status: packStatusSchema });
export type DistrictPack = z.output<typeof districtPackSchema>;
