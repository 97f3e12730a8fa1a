import Link from "next/link";
import { Ghost } from "lucide-react";

import { cn } from "@/lib/utils";

type LogoProps = {
  href?: string;
  className?: string;
};

function LogoMark({ className }: { className?: string }) {
  return (
    <span
      className={cn(
        "inline-flex items-center gap-2 text-lg font-semibold tracking-tight",
        className,
      )}
    >
      <span className="flex size-7 items-center justify-center rounded-md bg-primary text-primary-foreground">
        <Ghost aria-hidden="true" className="size-4" />
      </span>
      <span>Ghostart</span>
    </span>
  );
}

function Logo({ href, className }: LogoProps) {
  if (!href) return <LogoMark className={className} />;
  return (
    <Link
      href={href}
      data-slot="logo"
      aria-label="Ghostart home"
      className="rounded-md outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
    >
      <LogoMark className={className} />
    </Link>
  );
}

export { Logo, type LogoProps };
