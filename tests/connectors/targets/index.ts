import type { ConformanceTarget } from '../target';
import { incidentIqTarget } from './incident-iq';
import { requestTrackerTarget } from './request-tracker';
import { serviceNowTarget } from './servicenow';
import { webhookTarget } from './webhook';
import { zendeskTarget } from './zendesk';

/** Every connector Deskbook ships, each against its server: all held to one suite. */
export const CONFORMANCE_TARGETS: readonly ConformanceTarget[] = [requestTrackerTarget, webhookTarget, incidentIqTarget, zendeskTarget, serviceNowTarget];
