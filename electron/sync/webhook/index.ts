export { CALL_LOGGED_EVENT, createWebhookConnector, WEBHOOK_BODY_VERSION } from './webhook-connector';
export type { WebhookBody, WebhookCallLogBody, WebhookConnectorOptions } from './webhook-connector';
export {
  MIN_KEY_BYTES,
  SECRET_PREFIX,
  TIMESTAMP_TOLERANCE_SECONDS,
  WEBHOOK_ID_HEADER,
  WEBHOOK_SIGNATURE_HEADER,
  WEBHOOK_TIMESTAMP_HEADER,
  WebhookSecretError,
  boundContent,
  signStandardWebhook,
  standardWebhookHeaders,
  webhookKey,
} from './signature';
