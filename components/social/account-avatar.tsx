"use client";
// The account's picture from the network, or its initials when there is none or it does not load
// (the page's Content-Security-Policy may not allow the network's image host).
import { useState } from "react";
import { initialsOf } from "@/components/social/format";
import { cn } from "@/lib/utils";

export function AccountAvatar({
  name,
  url,
  className,
}: {
  name: string;
  url: string | null;
  className?: string;
}) {
  const [failed, setFailed] = useState(false);
  const cls = cn(
    "flex size-10 shrink-0 items-center justify-center overflow-hidden rounded-full bg-accent text-sm font-semibold text-accent-foreground",
    className,
  );
  if (url && !failed && url.startsWith("https://"))
    return (
      // A network's CDN URL: next/image would need every host listed, and it changes over time.
      // eslint-disable-next-line @next/next/no-img-element
      <img
        src={url}
        alt=""
        referrerPolicy="no-referrer"
        loading="lazy"
        className={cn(cls, "object-cover")}
        onError={() => setFailed(true)}
      />
    );
  return (
    <span aria-hidden="true" className={cls}>
      {initialsOf(name)}
    </span>
  );
}
