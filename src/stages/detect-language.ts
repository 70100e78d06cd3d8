/**
 * detect-language — identifies the language of each document and can keep only wanted ones.
 *
 * Uses eld (Efficient Language Detector, n-gram model, 60 languages, ISO 639-1 codes), chosen
 * by `npm run eval:language`: the most accurate and fastest of eld, tinyld, franc-min and
 * cld3-asm on 886 samples in 14 languages. `size` picks eld's database (`extrasmall` by default:
 * 0.990 accuracy, 1.000 on articles and paragraphs; `small` 0.991; `large` 0.997). eld's own
 * entries load the database as a JavaScript object in every thread (26 to 133 MiB each); this
 * stage gives eld the same database from typed arrays the threads share (text/language-data.ts,
 * 1.3 to 5.7 MiB per process). The first `maxCharacters` characters are enough for a page and
 * keep long documents cheap.
 * `lang`: a language the source declared (JSON field, HTML `lang`) is kept by default, because
 * it is the publisher's statement; a reliable detection that disagrees is a warning,
 * `detect-language/mismatch`. With `override: true` the detection replaces it
 * (`detect-language/overridden`, info). A missing `lang` is filled when the detection is
 * reliable (`detect-language/detected`, info). `stats['lang.confidence']` holds eld's score of
 * the top language (0–1, 0 when nothing was detected).
 * `languages: ['en', 'de']` rejects every other language, and documents whose language cannot
 * be determined: `detect-language/unwanted-language` (fatal).
 */
import { existsSync, readFileSync } from 'node:fs'
import { parseStageOptions } from '../config/stage-options.ts'
import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { z } from 'zod'
import type { Doc } from '../core/doc.ts'
import type { Stage } from '../core/stage.ts'
import { LANGUAGE_DATA_SIZES, loadLanguageData, ngramTable, shareLanguageData } from '../text/language-data.ts'
import { primaryLanguage } from '../text/language-tag.ts'

const Options = z
  .object({
    /** eld database size: accuracy against memory (see the header). */
    size: z.enum(LANGUAGE_DATA_SIZES).default('extrasmall'),
    /** Replace a declared `lang` with the detected one. */
    override: z.boolean().default(false),
    /** Keep only these languages (ISO 639-1 primary subtags); empty keeps all. */
    languages: z.array(z.string().regex(/^[a-z]{2,3}$/u, { message: 'Expected each of `languages` to be a lowercase ISO 639-1 code such as "en"' })).default([]),
    /** Characters of the text given to the detector. */
    maxCharacters: z.number().int().positive().default(4000),
  })
  .strict()

/** Options of {@link detectLanguage} as users write them. */
export type DetectLanguageOptions = z.input<typeof Options>
type Settings = z.output<typeof Options>

/** Rule ids of the detect-language stage. */
export const detectLanguageRules = ['detect-language/detected', 'detect-language/overridden', 'detect-language/mismatch', 'detect-language/unwanted-language'] as const
type Rule = (typeof detectLanguageRules)[number]

/** What the detector says about one text. */
export interface Detection {
  language: string | undefined
  confidence: number
  reliable: boolean
}

type Detect = (text: string) => Detection

/** The part of eld's detector this stage uses (eld's index.d.ts has no type for createEld). */
interface EldInstance {
  detect(text: string): { language: string; getScores(): Record<string, number>; isReliable(): boolean }
}
type CreateEld = () => { instance: EldInstance; loadData(data: object): string }

/**
 * The installed eld package's folder. Found through the folders Node would search from this
 * file (not `import.meta.resolve`, which in the bundle of a config file elsewhere would search
 * from that file's folder); eld's exports map hides the files this stage needs.
 */
function eldFolder(): string {
  const folders = createRequire(import.meta.url).resolve.paths('eld') ?? []
  const root = folders.map((folder) => path.join(folder, 'eld')).find((folder) => existsSync(path.join(folder, 'package.json')))
  if (root === undefined) throw new Error('Cannot find the eld package that detect-language needs; run `npm install`.')
  return root
}

/**
 * eld's detector, fed the shared compact database (text/language-data.ts) instead of the
 * object literal its static entries import in every thread. `createEld` is eld's own factory,
 * exported from its languageDetector.js but not from the package's entries, so it is imported
 * by file URL; the database must come from the same eld version.
 */
async function loadDetector(size: Settings['size']): Promise<Detect> {
  const folder = eldFolder()
  const data = loadLanguageData(size)
  const { version } = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as { version: string }
  if (version !== data.eldVersion) throw new Error(`The installed eld is ${version} but sluice's language databases come from eld ${data.eldVersion}; install eld ${data.eldVersion} (package.json pins it) or rebuild them with \`npx tsx scripts/build-language-data.ts\`.`)
  const detector = (await import(pathToFileURL(path.join(folder, 'src/languageDetector.js')).href)) as { createEld: CreateEld }
  const { instance, loadData } = detector.createEld()
  if (!loadData({ ...data.header, ngrams: ngramTable(data) })) throw new Error(`eld did not accept the ${size} language database; reinstall the eld version in package.json.`)
  return (text) => {
    const result = instance.detect(text)
    const language = result.language === '' ? undefined : result.language
    const confidence = language === undefined ? 0 : (result.getScores()[language] ?? 0)
    return { language, confidence: Math.round(confidence * 1000) / 1000, reliable: language !== undefined && result.isReliable() }
  }
}

/** The language the document ends up with, reporting what changed. */
function chooseLanguage(doc: Doc, detection: Detection, settings: Settings, context: Parameters<Stage<Rule>['run']>[1]): string | undefined {
  const declared = doc.lang
  const detected = detection.reliable ? detection.language : undefined
  if (detected === undefined) return declared
  if (declared === undefined) {
    context.info('detect-language/detected', `Detected language "${detected}" (score ${detection.confidence}).`)
    return detected
  }
  if (primaryLanguage(declared) === detected) return declared
  if (settings.override) {
    context.info('detect-language/overridden', `Replaced the declared language "${declared}" with the detected "${detected}" (score ${detection.confidence}).`)
    return detected
  }
  context.warn('detect-language/mismatch', `The source declares "${declared}" but the text reads as "${detected}" (score ${detection.confidence}); kept "${declared}" (set \`override: true\` to replace it).`)
  return declared
}

/** Creates the detect-language stage; the eld database loads on the first document. */
export function detectLanguage(options: DetectLanguageOptions = {}): Stage<Rule> {
  const settings = parseStageOptions('detect-language', Options, options)
  const wanted = new Set(settings.languages)
  let detector: Promise<Detect> | undefined
  return {
    name: 'detect-language',
    rules: detectLanguageRules,
    options: settings,
    share: () => shareLanguageData(settings.size),
    async run(doc, context) {
      detector ??= loadDetector(settings.size)
      const detection = (await detector)(doc.text.slice(0, settings.maxCharacters))
      const lang = chooseLanguage(doc, detection, settings, context)
      const primary = primaryLanguage(lang)
      if (wanted.size > 0 && (primary === undefined || !wanted.has(primary))) {
        const what = primary === undefined ? 'could not be determined' : `is "${lang}"`
        return context.drop('detect-language/unwanted-language', `The language ${what}; this run keeps only ${[...wanted].join(', ')} (option \`languages\`).`)
      }
      return { ...doc, lang, stats: { ...doc.stats, 'lang.confidence': detection.confidence } }
    },
  }
}
