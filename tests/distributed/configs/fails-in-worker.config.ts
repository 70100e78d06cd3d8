// Loads on the coordinator but throws in a worker started with SLUICE_TEST_WORKER_FAILS=1:
// every try of every shard fails there, as with a config file a worker machine cannot load.
import type { Stage } from '../../../src/core/stage.ts'
import { defaultStages, defineConfig } from '../../../src/index.ts'

if (process.env.SLUICE_TEST_WORKER_FAILS === '1') throw new Error('this worker cannot load the config')

const noop: Stage<'noop/none'> = { name: 'noop', rules: ['noop/none'], run: (doc) => doc }

export default defineConfig({ workers: 0, stages: [noop, ...defaultStages()] })
