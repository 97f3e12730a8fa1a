// Pages for people outside the org (a preview link an approver was sent): no app shell, no login,
// never indexed, and the token in the address never leaves in a Referer header.
import type { Metadata } from "next";
import { Logo } from "@/components/brand/logo";

export const metadata: Metadata = {
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

export default function ShareLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  return (
    <div className="flex min-h-dvh flex-col bg-muted/40">
      <a
        href="#main"
        className="sr-only rounded-md bg-background px-3 py-2 text-sm font-medium focus:not-sr-only focus:absolute focus:top-3 focus:left-3 focus:z-50"
      >
        Skip to content
      </a>
      <header className="border-b bg-background">
        <div className="mx-auto flex h-14 w-full max-w-4xl items-center px-4 sm:px-6">
          <Logo />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="flex-1 px-4 py-8 outline-none sm:px-6">
        {children}
      </main>
      <footer className="px-4 py-6 text-center text-xs text-muted-foreground">
        A read-only preview made with Ghostart. Nothing here is published yet.
      </footer>
    </div>
  );
}
