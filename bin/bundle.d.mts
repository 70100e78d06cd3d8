/** Types of bundle.mjs (plain JavaScript so that the bin bootstrap can run it before any TypeScript). */
export function cacheFolder(): string
export function buildBundle(entry: string): Promise<{ code: string; inputs: string[] }>
export function bundleModule(entry: string, label: string): Promise<string>
