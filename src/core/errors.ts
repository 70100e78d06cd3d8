/** A config that failed validation; carries one readable sentence per problem. */
export class ConfigError extends Error {
  readonly issues: string[]
  constructor(issues: string[]) {
    super(issues.join('\n'))
    this.name = 'ConfigError'
    this.issues = issues
  }
}

/**
 * Whether `error` is a ConfigError, also one thrown by another copy of sluice's modules: a
 * config file imports the CLI's cached build, which `instanceof` does not see as the same class
 * when sluice runs from its sources (tests, tsx).
 */
export function isConfigError(error: unknown): error is ConfigError {
  return error instanceof Error && error.name === 'ConfigError' && Array.isArray((error as Partial<ConfigError>).issues)
}
