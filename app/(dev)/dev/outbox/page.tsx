// /dev/outbox — local development: every email the app sent, as the recipient would see it.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Inbox } from "lucide-react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { OutboxRefresh } from "@/components/dev/outbox-refresh";
import { isOutboxEnabled, listOutbox, type OutboxEmail } from "@/lib/email/outbox";

export const metadata: Metadata = { title: "Dev outbox" };
export const dynamic = "force-dynamic";

export default async function OutboxPage() {
  if (!isOutboxEnabled()) notFound();
  let emails: OutboxEmail[] = [];
  let error: string | null = null;
  try {
    emails = await listOutbox();
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  return (
    <main id="main" className="mx-auto grid max-w-4xl gap-6 p-6">
      <div className="flex items-center justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Dev outbox</h1>
          <p className="text-sm text-muted-foreground">
            Emails sent through the local Resend stand-in. Newest first; refreshes every few
            seconds.
          </p>
        </div>
        <OutboxRefresh />
      </div>
      {error ? (
        <Alert variant="destructive">
          <AlertDescription>
            Could not read the outbox: {error}. Is the stand-in running (npm run dev starts it)?
          </AlertDescription>
        </Alert>
      ) : null}
      {!error && emails.length === 0 ? (
        <EmptyState
          icon={Inbox}
          title="No emails yet"
          description="Sign up or reset a password and the email lands here."
        />
      ) : null}
      <ul className="grid gap-4">
        {emails.map((e) => (
          <li key={e.id} data-testid="outbox-email">
            <article className="rounded-lg border bg-card">
              <header className="grid gap-1 border-b p-4 text-sm">
                <h2 className="text-base font-semibold">{e.subject}</h2>
                <p className="text-muted-foreground">
                  To <span data-testid="outbox-to">{e.to.join(", ")}</span> · from {e.from} ·{" "}
                  <time dateTime={e.created_at}>
                    {new Date(e.created_at).toLocaleString("en-GB")}
                  </time>
                </p>
              </header>
              {/* The email's own HTML, rendered in-page so its links are clickable here. It is our own template output. */}
              <div
                className="p-4 text-sm [&_a]:text-primary [&_a]:underline"
                dangerouslySetInnerHTML={{ __html: bodyOf(e) }}
              />
            </article>
          </li>
        ))}
      </ul>
    </main>
  );
}

function bodyOf(e: OutboxEmail): string {
  if (e.html) return e.html.replace(/^[\s\S]*?<body[^>]*>/i, "").replace(/<\/body>[\s\S]*$/i, "");
  return `<pre>${(e.text ?? "").replace(/[&<>]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[c]!)}</pre>`;
}
