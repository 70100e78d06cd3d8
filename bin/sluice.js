#!/usr/bin/env node
// Installed entry point: runs the CLI as one cached JavaScript bundle (bin/bundle.mjs says why);
// when esbuild cannot build it, loads the TypeScript sources through tsx instead.
import { fileURLToPath } from 'node:url'
import { bundleModule } from './bundle.mjs'

const source = new URL('../src/cli.ts', import.meta.url)
let entry
try {
  entry = await bundleModule(fileURLToPath(source), 'cli')
} catch {
  const { register } = await import('tsx/esm/api')
  register()
  entry = source.href
}
const { main } = await import(entry)
process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin })
