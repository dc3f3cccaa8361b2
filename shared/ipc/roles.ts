/** Who may call a channel. Enforced in main by the router, not only hidden in the UI. */
export const ROLES = ['analyst', 'technician', 'supervisor'] as const;
export type Role = (typeof ROLES)[number];
