/**
 * Prints the rule catalogue (every stage's rule ids) as Markdown, for the README.
 * `npx tsx scripts/rules-catalogue.ts`; a test checks the README lists every id.
 */
import { defaultStages } from '../src/stages/index.ts'
import { sourceRules } from '../src/sources/index.ts'

const lines = ['| stage | rule ids |', '| --- | --- |', `| source | ${sourceRules.map((rule) => `\`${rule}\``).join(', ')} |`]
for (const stage of defaultStages()) lines.push(`| ${stage.name} | ${stage.rules.map((rule) => `\`${rule}\``).join(', ')} |`)
console.log(lines.join('\n'))
