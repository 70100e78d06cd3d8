/**
 * Small hand-written pages for the extract tests: an article (made-up text, long enough for
 * Readability to trust it) wrapped in the chrome real pages carry.
 */

/** Three paragraphs of an invented news article. */
export const ARTICLE_PARAGRAPHS = [
  'The river authority said on Tuesday that the old stone weir at Millbrook will be rebuilt next spring, after engineers found that the winter floods had washed out most of its foundations.',
  'Residents have asked for years for the weir to be repaired, because the pond behind it is home to a colony of kingfishers and a rowing club that has trained there since 1921.',
  'The work is expected to take four months and cost about two million pounds, the authority said, adding that the footpath along the east bank will stay open for most of that time.',
]

/** A news page: nav, cookie banner, share buttons, the article, comments and a footer. */
export function newsPage(head = ''): string {
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Millbrook weir to be rebuilt | The Valley Gazette</title>
  ${head}
</head>
<body>
  <div id="cookie-banner" class="cookie-consent"><p>We use cookies to improve your experience.</p><button>Accept all</button></div>
  <header class="site-header"><a href="/">The Valley Gazette</a>
    <nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav>
  </header>
  <main>
    <article class="article">
      <h1>Millbrook weir to be rebuilt</h1>
      <div class="share"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
      <div class="article-body">
        ${ARTICLE_PARAGRAPHS.map((paragraph) => `<p>${paragraph}</p>`).join('\n        ')}
      </div>
    </article>
    <section id="comments" class="comments">
      <h3>2 comments</h3>
      <div class="comment"><p class="comment-author">riverfan</p><p>About time!</p></div>
    </section>
  </main>
  <aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Fire at the mill</a></li><li><a href="/b">Bus timetable changes</a></li></ul></aside>
  <footer class="site-footer"><p>© 2024 The Valley Gazette. All rights reserved.</p></footer>
  <script>window.dataLayer = [];</script>
</body>
</html>`
}
