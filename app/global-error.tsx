'use client';
// Last-resort error page when the root layout itself fails: no details, a way back.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body>
        <main>
          <h1>Gatehouse could not show this page</h1>
          <p>Something went wrong. Try again, or sign in again.</p>
          <button type="button" onClick={reset}>
            Try again
          </button>
          <p>
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- the root layout failed: a full page load, not the client router */}
            <a href="/sign-in">Sign in</a>
          </p>
        </main>
      </body>
    </html>
  );
}
