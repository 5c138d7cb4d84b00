import type { Child } from 'hono/jsx';

/** The page shell shared by every HTML page: no inline script or style (strict CSP). */
export function Layout(props: { title: string; children: Child }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · ipcoop`}</title>
        <link rel="stylesheet" href="/static/site.css" />
        <link rel="icon" href="data:," />
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to content
        </a>
        <header class="site">
          <a href="/">ipcoop</a> <span class="muted">— IP technical cooperation hub (TRIPS Art. 67)</span>
        </header>
        <main id="main">{props.children}</main>
        <footer class="site">
          Open data: <a href="/api/v1/reports">/api/v1/reports</a> ·{' '}
          <a href="/api/v1/activities">/api/v1/activities</a>
        </footer>
      </body>
    </html>
  );
}
