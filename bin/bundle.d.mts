/** Types of bundle.mjs (plain JavaScript so that the bin bootstrap can run it before any TypeScript). */
import type { Plugin } from 'esbuild'
export function cacheFolder(): string
export function buildBundle(entry: string, plugins?: Plugin[]): Promise<{ code: string; inputs: string[] }>
export function sluiceBundle(): Promise<Record<'cli' | 'index' | 'worker', string>>
export function sluiceSource(name: 'cli' | 'index' | 'worker'): string
