#!/usr/bin/env node
// Installed entry point: loads the TypeScript sources through tsx, then runs the CLI.
import { register } from 'tsx/esm/api'

register()
const { main } = await import('../src/cli.ts')
process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin })
