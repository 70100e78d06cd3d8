import { describe, expect, it } from 'vitest'
import { titleAgreement, titleAgrees } from '../../scripts/lib/titles.ts'

describe('title agreement (npm run eval)', () => {
  it.each([
    ['Venice cruise liner row escalates', 'Venice cruise liner row escalates | World news | guardian.co.uk', true],
    ['Geithner Urges Quick Action on Debt Crisis', 'Geithner Urges Quick Action on Euro-Zone Debt - WSJ.com', false],
    ['Home', 'Home - Example News', false],
    ['“Ridiculous” patent battles: the judge speaks', '"Ridiculous" Patent Battles: The Judge Speaks', true],
    ['', 'Anything', false],
  ])('%s vs %s → %s', (found, page, expected) => {
    expect(titleAgrees(found, page)).toBe(expected)
  })

  it('counts agreeing pages and pages without a title over the pages that have a <title>', () => {
    const found = new Map([['a', 'Harbour to close for winter'], ['b', ''], ['c', 'Menu']])
    const pages = new Map([['a', 'Harbour to close for winter | Daily'], ['b', 'Bridge reopens'], ['c', 'Market moves'], ['d', 'Ferry late']])
    expect(titleAgreement(found, pages)).toEqual({ pages: 4, agree: 1, none: 2 })
  })
})
