import { vi } from 'vitest';
import { zendeskTarget } from './targets/zendesk';

vi.mock('./targets', () => ({ CONFORMANCE_TARGETS: [zendeskTarget] }));
await import('./conformance.test');
