"use client";

// Last-resort boundary when the root layout itself fails: no app styles are guaranteed here.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "2rem", color: "#0f172a" }}>
        <h1>Tenfold could not load this page</h1>
        <p>Something went wrong on the server. Try again; if it keeps failing, the server log has the details.</p>
        <button type="button" onClick={reset} style={{ padding: "0.5rem 1rem", fontSize: "1rem" }}>
          Try again
        </button>
      </body>
    </html>
  );
}
