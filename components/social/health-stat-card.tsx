// One figure of the publishing health panel: a title, the number, what it counts, and where to act.
import Link from "next/link";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/lib/utils";

const tones = {
  warning: "border-amber-500/50",
  danger: "border-destructive/40",
} as const;

export function HealthStatCard({
  title,
  caption,
  value,
  tone,
  link,
  testId,
}: {
  title: string;
  caption: string;
  value: number;
  tone?: keyof typeof tones;
  link?: { href: string; label: string };
  testId?: string;
}) {
  return (
    <Card className={cn("gap-3 py-5", tone ? tones[tone] : null)} data-testid={testId}>
      <CardHeader className="px-5">
        <CardTitle as="h2" className="text-sm font-medium text-muted-foreground">
          {title}
        </CardTitle>
      </CardHeader>
      <CardContent className="grid gap-1 px-5">
        <p
          className="text-3xl font-semibold tabular-nums"
          data-testid={testId ? `${testId}-value` : undefined}
        >
          {value}
        </p>
        <p className="text-sm text-muted-foreground">{caption}</p>
        {link && value > 0 ? (
          <Link
            href={link.href}
            className="text-sm font-medium text-primary underline-offset-4 hover:underline"
          >
            {link.label}
          </Link>
        ) : null}
      </CardContent>
    </Card>
  );
}
