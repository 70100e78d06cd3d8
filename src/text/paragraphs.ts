/** Paragraphs are blocks separated by blank lines; shared by `segment` and the sinks. */
export function splitParagraphs(text: string): string[] {
  return text
    .split(/\n[ \t]*\n+/)
    .map((block) => block.trim())
    .filter((block) => block.length > 0)
}
