/** Language tags as stages compare them: by primary subtag, lowercased (`pt-BR` and `pt_br` → `pt`). */

/** The primary subtag of a BCP 47-ish tag, or undefined for a missing or empty one. */
export function primaryLanguage(tag: string | undefined): string | undefined {
  const primary = tag?.trim().toLowerCase().split(/[-_]/u)[0]
  return primary === undefined || primary === '' ? undefined : primary
}
