export { createWebhookConnector, WEBHOOK_BODY_VERSION } from './webhook-connector';
export type { WebhookBody, WebhookConnectorOptions } from './webhook-connector';
export { SIGNATURE_HEADER, TIMESTAMP_HEADER, signWebhook, verifyWebhookSignature } from './signature';
export type { VerifyInput } from './signature';
