#!/usr/bin/env node
// Installed entry point: runs the CLI from sluice's cached JavaScript build (bin/bundle.mjs says
// why); when esbuild cannot build it, loads the TypeScript sources through tsx instead.
import { sluiceBundle, sluiceSource } from './bundle.mjs'

let entry
try {
  entry = (await sluiceBundle()).cli
} catch {
  const { register } = await import('tsx/esm/api')
  register()
  entry = sluiceSource('cli')
}
const { main } = await import(entry)
process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin })
