import { Logo } from "@/components/brand/logo";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col items-center bg-muted/40 px-4 py-10">
      <Logo href="/" className="mb-8" />
      <main id="main" className="flex w-full flex-1 justify-center">
        {children}
      </main>
    </div>
  );
}
