// The default stages from a config file: workers rebuild them from names and options.
import { defineConfig } from '../../../src/index.ts'

export default defineConfig({ workers: 0, concurrency: 2 })
