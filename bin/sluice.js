#!/usr/bin/env node
// Installed entry point: runs the CLI from sluice's cached JavaScript build (bin/bundle.mjs says
// why); when esbuild cannot build it, loads the TypeScript sources through tsx instead. On glibc
// systems it first starts itself again with a malloc setting and V8 flags (bin/launcher.mjs says why).
import { fileURLToPath } from 'node:url'
import { setEnvironmentData } from 'node:worker_threads'
import { sluiceBundle, sluiceSource } from './bundle.mjs'
import { followLauncher, relaunchWithSettings } from './launcher.mjs'

const args = process.argv.slice(2)

async function runHere() {
  let entry
  try {
    entry = (await sluiceBundle()).cli
    // Decoded models are cached next to the build that decodes them (src/text/table-cache.ts,
    // TABLE_CACHE_KEY): a new build starts a new cache. The tsx fallback decodes every time.
    setEnvironmentData('sluice.table-cache', fileURLToPath(new URL('./tables/', entry)))
  } catch {
    const { register } = await import('tsx/esm/api')
    register()
    entry = sluiceSource('cli')
  }
  const { main } = await import(entry)
  process.exitCode = await main(args, { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin })
}

followLauncher()
if (!relaunchWithSettings(args, runHere)) await runHere()
