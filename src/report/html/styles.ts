/** The report page's own CSS (uPlot's stylesheet is inlined next to it). Mobile first. */
export const REPORT_CSS = `
:root { color-scheme: light; --bad: #c62828; --warn: #ef6c00; --good: #2e7d32; --muted: #5f6368; --line: #e0e0e0; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; padding: 12px; color: #202124; max-width: 1200px; margin-inline: auto; }
h1 { font-size: 1.4rem; margin: 0.2em 0; } h2 { font-size: 1.15rem; margin: 1.4em 0 0.4em; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 1rem; margin: 1em 0 0.3em; }
p { margin: 0.4em 0; } .muted { color: var(--muted); } code { font-size: 0.9em; overflow-wrap: anywhere; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(120px, 1fr)); gap: 8px; margin: 10px 0; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 8px 10px; } .card b { display: block; font-size: 1.3rem; }
.verdict { border-radius: 8px; padding: 10px 12px; margin: 10px 0; border: 1px solid; }
.verdict.ok { border-color: var(--good); background: #e8f5e9; } .verdict.fail { border-color: var(--bad); background: #ffebee; }
.verdict ul, .flags { margin: 0.3em 0; padding-left: 1.2em; } .flags li { margin: 0.35em 0; overflow-wrap: anywhere; }
.badge { display: inline-block; font-size: 0.75rem; border-radius: 4px; padding: 0 5px; margin-right: 4px; color: #fff; background: var(--muted); white-space: nowrap; }
.badge.breach { background: var(--bad); } .badge.kept { background: var(--good); } .badge.rejected { background: var(--bad); }
.scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; border: 1px solid var(--line); border-radius: 6px; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { padding: 5px 8px; border-bottom: 1px solid var(--line); text-align: right; white-space: nowrap; vertical-align: top; }
th { background: #f5f5f5; position: sticky; top: 0; } th:first-child, td:first-child { text-align: left; position: sticky; left: 0; background: #fff; max-width: 14em; overflow: hidden; text-overflow: ellipsis; }
th:first-child { background: #f5f5f5; } tr.drifted td:first-child { box-shadow: inset 4px 0 var(--bad); }
.bar { display: inline-block; width: 64px; height: 10px; background: #eee; border-radius: 3px; vertical-align: middle; margin-right: 4px; overflow: hidden; }
.bar > span { display: block; height: 100%; background: var(--good); } .bar.chrome > span { background: var(--warn); }
.chart { width: 100%; min-height: 220px; margin: 6px 0; } .chart .u-legend .u-series:first-child { display: none; }
details { border: 1px solid var(--line); border-radius: 6px; margin: 6px 0; padding: 4px 8px; } details:target { border-color: var(--bad); }
summary { cursor: pointer; overflow-wrap: anywhere; } .excerpt { white-space: pre-wrap; background: #fafafa; padding: 6px; border-radius: 4px; font-size: 0.85rem; overflow-wrap: anywhere; }
.trace { list-style: none; padding: 0; margin: 4px 0; font-size: 0.85rem; } .trace li { padding: 2px 0; border-bottom: 1px dotted var(--line); overflow-wrap: anywhere; }
.sev-fatal { color: var(--bad); font-weight: 600; } .sev-warn { color: var(--warn); } .sev-info { color: var(--muted); }
@media (max-width: 600px) { body { padding: 8px; font-size: 14px; } th, td { padding: 4px 6px; } .bar { width: 40px; } }
`
