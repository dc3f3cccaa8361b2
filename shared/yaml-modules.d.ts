/** YAML files are compiled to data at build time by scripts/vite-yaml-plugin.ts. */
declare module '*.yaml' {
  export const data: unknown;
}
