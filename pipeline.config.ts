// sluice's run configuration. Every key is optional; see README "Configuration".
import { defaultStages, defineConfig } from './src/index.ts'

export default defineConfig({
  input: 'input',
  output: 'output',
  stages: defaultStages({
    normalizeQuotes: { mode: 'ascii' },
  }),
})
