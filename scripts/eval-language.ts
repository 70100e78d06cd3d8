/**
 * `npm run eval:language`: accuracy and speed of the language identifiers we considered (eld,
 * tinyld, franc-min, cld3-asm) on sentences written for this eval in 14 languages
 * (scripts/lib/language-samples.ts), their first four words (eight characters in ja/zh), three-sentence paragraphs of them, and English paragraphs
 * and whole articles from ../shared/corpus/dev/truth when present. Prints accuracy per sample
 * length and per language, load time and samples per second.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { sharedRoot } from './lib/corpus.ts'
import { SAMPLES } from './lib/language-samples.ts'

interface Sample { lang: string; group: string; text: string }
interface Detector { name: string; detect(text: string): string }

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
/** franc's ISO 639-3 codes for the languages of the set. */
const FRANC: Record<string, string> = { eng: 'en', deu: 'de', fra: 'fr', spa: 'es', ita: 'it', por: 'pt', nld: 'nl', pol: 'pl', rus: 'ru', tur: 'tr', swe: 'sv', jpn: 'ja', cmn: 'zh', arb: 'ar' }

function buildSamples(): Sample[] {
  const out: Sample[] = []
  for (const [lang, sentences] of Object.entries(SAMPLES)) {
    for (const text of sentences) out.push({ lang, group: 'sentence', text })
    for (const text of sentences) out.push({ lang, group: 'fragment', text: lang === 'ja' || lang === 'zh' ? text.slice(0, 8) : text.split(' ').slice(0, 4).join(' ') })
    for (let start = 0; start + 3 <= sentences.length; start += 2) out.push({ lang, group: 'paragraph', text: sentences.slice(start, start + 3).join(' ') })
  }
  const truth = path.join(sharedRoot(repo), 'corpus', 'dev', 'truth')
  if (!existsSync(truth)) return out
  const files = readdirSync(truth).sort().slice(0, 100)
  for (const file of files) {
    const text = readFileSync(path.join(truth, file), 'utf8')
    out.push({ lang: 'en', group: 'article (dev truth)', text })
    const paragraph = text.split(/\n\s*\n/).find((block) => block.split(/\s+/).length >= 15)
    if (paragraph !== undefined) out.push({ lang: 'en', group: 'paragraph (dev truth)', text: paragraph })
  }
  return out
}

interface Loaded { detector: Detector; loadMs: number; heapMiB: number }

/** Loads each detector, timing it and measuring the heap it keeps (run with --expose-gc for exact figures). */
async function loadDetectors(): Promise<Loaded[]> {
  const out: Loaded[] = []
  const heap = (): number => {
    ;(globalThis as { gc?: () => void }).gc?.()
    return process.memoryUsage().heapUsed
  }
  const timed = async (create: () => Promise<Detector>): Promise<void> => {
    const before = heap()
    const started = performance.now()
    const detector = await create()
    detector.detect('warm up the detector')
    out.push({ detector, loadMs: performance.now() - started, heapMiB: (heap() - before) / 2 ** 20 })
  }
  await timed(async () => { const { eld } = await import('eld/large'); return { name: 'eld (large)', detect: (text) => eld.detect(text).language } })
  await timed(async () => { const { eld } = await import('eld/medium'); return { name: 'eld (medium)', detect: (text) => eld.detect(text).language } })
  await timed(async () => { const { eld } = await import('eld/small'); return { name: 'eld (small)', detect: (text) => eld.detect(text).language } })
  await timed(async () => { const { eld } = await import('eld/extrasmall'); return { name: 'eld (xs)', detect: (text) => eld.detect(text).language } })
  await timed(async () => { const { detect } = await import('tinyld'); return { name: 'tinyld', detect: (text) => detect(text) } })
  await timed(async () => { const { franc } = await import('franc-min'); return { name: 'franc-min', detect: (text) => FRANC[franc(text)] ?? franc(text) } })
  await timed(async () => {
    const { loadModule } = await import('cld3-asm')
    const identifier = (await loadModule()).create(0, 100_000)
    return { name: 'cld3-asm', detect: (text) => identifier.findLanguage(text).language.split('-')[0] ?? '' }
  })
  return out
}

function evaluate(detector: Detector, samples: readonly Sample[]): { correct: Map<string, [number, number]>; perSecond: number } {
  const correct = new Map<string, [number, number]>()
  for (const sample of samples.slice(0, 20)) detector.detect(sample.text)
  const started = performance.now()
  for (const sample of samples) {
    const ok = detector.detect(sample.text) === sample.lang
    for (const key of [sample.group, `lang:${sample.lang}`, 'all']) {
      const entry = correct.get(key) ?? [0, 0]
      correct.set(key, [entry[0] + (ok ? 1 : 0), entry[1] + 1])
    }
  }
  return { correct, perSecond: samples.length / ((performance.now() - started) / 1000) }
}

const samples = buildSamples()
const groups = [...new Set(samples.map((sample) => sample.group))]
const langs = Object.keys(SAMPLES)
console.log(`${samples.length} samples: ${groups.map((group) => `${samples.filter((sample) => sample.group === group).length} ${group}`).join(', ')}`)
const rate = ([ok, total]: [number, number] = [0, 0]): string => (total === 0 ? '   -  ' : (ok / total).toFixed(3).padStart(6))
console.log(`\n${'detector'.padEnd(12)} ${'all'.padStart(6)} ${groups.map((group) => group.slice(0, 12).padStart(12)).join(' ')}  samples/s  load ms  heap MiB  worst languages`)
for (const { detector, loadMs, heapMiB } of await loadDetectors()) {
  const { correct, perSecond } = evaluate(detector, samples)
  const worst = langs.map((lang) => [lang, correct.get(`lang:${lang}`) ?? [0, 1]] as const).sort((a, b) => a[1][0] / a[1][1] - b[1][0] / b[1][1]).slice(0, 3)
  console.log(`${detector.name.padEnd(12)} ${rate(correct.get('all'))} ${groups.map((group) => rate(correct.get(group)).padStart(12)).join(' ')}  ${perSecond.toFixed(0).padStart(9)}  ${loadMs.toFixed(0).padStart(7)}  ${heapMiB.toFixed(0).padStart(8)}  ${worst.map(([lang, value]) => `${lang} ${rate(value).trim()}`).join(', ')}`)
}
