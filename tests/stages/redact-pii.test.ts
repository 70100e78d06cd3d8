import { describe, expect, it } from 'vitest'
import { redactPii } from '../../src/stages/redact-pii.ts'
import type { RedactPiiOptions } from '../../src/stages/redact-pii.ts'
import { runStage } from '../helpers/run-stage.ts'

interface Case {
  name: string
  input: string
  expected: string
  rules: string[]
  options?: RedactPiiOptions
}

const positives: Case[] = [
  { name: 'an e-mail address', input: 'Write to jane.doe+news@example.co.uk for details.', expected: 'Write to <EMAIL> for details.', rules: ['redact-pii/email'] },
  { name: 'an e-mail with an internationalised domain', input: 'Kontakt: info@müller-bäckerei.de.', expected: 'Kontakt: <EMAIL>.', rules: ['redact-pii/email'] },
  { name: 'an IPv4 address', input: 'The attack came from 203.0.113.42 last night.', expected: 'The attack came from <IP> last night.', rules: ['redact-pii/ip'] },
  { name: 'a compressed IPv6 address', input: 'Our server is at 2001:db8::8a2e:370:7334 now.', expected: 'Our server is at <IP> now.', rules: ['redact-pii/ip'] },
  { name: 'a full IPv6 address', input: 'Address 2001:0db8:85a3:0000:0000:8a2e:0370:7334 is blocked.', expected: 'Address <IP> is blocked.', rules: ['redact-pii/ip'] },
  { name: 'an international phone number', input: 'Call +44 20 7946 0958 today.', expected: 'Call <PHONE> today.', rules: ['redact-pii/phone'] },
  { name: 'a US number with an area code in parentheses', input: 'Phone (555) 123-4567 or visit us.', expected: 'Phone <PHONE> or visit us.', rules: ['redact-pii/phone'] },
  { name: 'a US number with dashes', input: 'Hotline: 1-800-555-0199.', expected: 'Hotline: <PHONE>.', rules: ['redact-pii/phone'] },
  { name: 'a US number with dots', input: 'Text 555.123.4567 to vote.', expected: 'Text <PHONE> to vote.', rules: ['redact-pii/phone'] },
  { name: 'a French number in pairs', input: 'Appelez le 06 12 34 56 78 avant midi.', expected: 'Appelez le <PHONE> avant midi.', rules: ['redact-pii/phone'] },
  { name: 'a German number with a trunk prefix', input: 'Telefon 030 12345678, Fax folgt.', expected: 'Telefon <PHONE>, Fax folgt.', rules: ['redact-pii/phone'] },
  { name: 'all three kinds at once', input: 'Mail a@b.org, call +1 202 555 0143, host 10.0.0.1.', expected: 'Mail <EMAIL>, call <PHONE>, host <IP>.', rules: ['redact-pii/email', 'redact-pii/phone', 'redact-pii/ip'] },
  { name: 'custom placeholders', input: 'Write to a@b.org.', expected: 'Write to [email].', rules: ['redact-pii/email'], options: { placeholders: { email: '[email]' } } },
]

const negatives: Case[] = [
  { name: 'a version number with a v', input: 'Upgrade to v1.2.3.4 before Friday.', expected: 'Upgrade to v1.2.3.4 before Friday.', rules: [] },
  { name: 'a version number after the word version', input: 'Version 10.0.19041.1 fixed the bug.', expected: 'Version 10.0.19041.1 fixed the bug.', rules: [] },
  { name: 'a five-part version', input: 'Build 1.2.3.4.5 is out.', expected: 'Build 1.2.3.4.5 is out.', rules: [] },
  { name: 'octets above 255', input: 'The code 300.400.500.600 is invalid.', expected: 'The code 300.400.500.600 is invalid.', rules: [] },
  { name: 'an ISO date', input: 'It happened on 2023-10-12 at noon.', expected: 'It happened on 2023-10-12 at noon.', rules: [] },
  { name: 'a European date', input: 'Am 12.10.2023 war es kalt.', expected: 'Am 12.10.2023 war es kalt.', rules: [] },
  { name: 'a slashed date', input: 'Due 12/10/2023.', expected: 'Due 12/10/2023.', rules: [] },
  { name: 'a price with a currency sign', input: 'It costs $1,299,000 or 1.299.000 € in total.', expected: 'It costs $1,299,000 or 1.299.000 € in total.', rules: [] },
  { name: 'a price followed by a currency code', input: 'Budget: 2 500 000 EUR for the bridge.', expected: 'Budget: 2 500 000 EUR for the bridge.', rules: [] },
  { name: 'thousands with spaces', input: 'The city has 1 234 567 inhabitants.', expected: 'The city has 1 234 567 inhabitants.', rules: [] },
  { name: 'an ISBN', input: 'See ISBN 978-3-16-148410-0 for the book.', expected: 'See ISBN 978-3-16-148410-0 for the book.', rules: [] },
  { name: 'a year range', input: 'He served from 1990-2004 in parliament.', expected: 'He served from 1990-2004 in parliament.', rules: [] },
  { name: 'an order number', input: 'Your order no. 123-456-7890 has shipped.', expected: 'Your order no. 123-456-7890 has shipped.', rules: [] },
  { name: 'a hash-numbered reference', input: 'Ticket #555-123-4567 was closed.', expected: 'Ticket #555-123-4567 was closed.', rules: [] },
  { name: 'a plain digit run', input: 'The account holds 12345678 points.', expected: 'The account holds 12345678 points.', rules: [] },
  { name: 'a clock time', input: 'The train leaves at 10:30:45 sharp.', expected: 'The train leaves at 10:30:45 sharp.', rules: [] },
  { name: 'a social handle is not an e-mail', input: 'Follow @example and user@localhost.', expected: 'Follow @example and user@localhost.', rules: [] },
  { name: 'a decimal and a score', input: 'Pi is 3.14159 and the score was 3-1.', expected: 'Pi is 3.14159 and the score was 3-1.', rules: [] },
]

describe('redact-pii', () => {
  it.each([...positives, ...negatives])('$name', async ({ input, expected, rules, options }) => {
    const { doc, dropped } = await runStage(redactPii(options), { text: input }, rules)
    expect(dropped).toBe(false)
    expect(doc.text).toBe(expected)
  })

  it('a kind can be turned off', async () => {
    const { doc } = await runStage(redactPii({ phone: false }), { text: 'Call +44 20 7946 0958 or a@b.org.' }, ['redact-pii/email'])
    expect(doc.text).toBe('Call +44 20 7946 0958 or <EMAIL>.')
  })

  it('counts what it replaced', async () => {
    const { doc } = await runStage(redactPii(), { text: 'a@b.org and c@d.org' }, ['redact-pii/email'])
    expect(doc.messages.at(-1)?.reason).toBe('Replaced 2 e-mail addresses with <EMAIL>.')
  })
})
