import Link from "next/link";

/** A whole-page answer to an address the user cannot open (403, 404): the code, why, and a way home. */
export function StatusPage({ code, title, text, back }: { code: number; title: string; text: string; back: string }) {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center gap-4 p-6 text-center">
      <p className="text-5xl font-semibold text-fg-muted">{code}</p>
      <h1 className="text-xl font-semibold">{title}</h1>
      <p className="text-fg-muted">{text}</p>
      <Link className="text-accent underline" href="/">
        {back}
      </Link>
    </main>
  );
}
