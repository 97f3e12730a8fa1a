"use client";
import { LogOut, Mail } from "lucide-react";
import Link from "next/link";
import { useRef } from "react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { signOutAction } from "@/lib/auth/actions";

export function UserMenu({
  email,
  name,
  roleLabel,
}: {
  email: string;
  name: string | null;
  roleLabel: string;
}) {
  const display = name || email;
  // The form lives outside the menu: the menu unmounts its items as it closes, which would cancel a
  // submit started from inside it.
  const signOutForm = useRef<HTMLFormElement>(null);
  return (
    <>
      <form ref={signOutForm} action={signOutAction} className="hidden" />
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button
            variant="ghost"
            size="sm"
            aria-label={`Account menu for ${display}`}
            className="gap-2"
          >
            <span
              aria-hidden="true"
              className="grid size-7 place-items-center rounded-full bg-muted text-xs font-semibold"
            >
              {display.slice(0, 1).toUpperCase()}
            </span>
            <span className="hidden max-w-40 truncate sm:inline">{display}</span>
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end" className="w-60">
          <DropdownMenuLabel className="grid gap-0.5">
            <span className="truncate">{display}</span>
            <span className="truncate text-xs font-normal text-muted-foreground">{email}</span>
            <span className="text-xs font-normal text-muted-foreground">{roleLabel}</span>
          </DropdownMenuLabel>
          <DropdownMenuSeparator />
          <DropdownMenuItem asChild>
            <Link href="/account/notifications">
              <Mail aria-hidden="true" className="size-4" /> Email notifications
            </Link>
          </DropdownMenuItem>
          <DropdownMenuItem onSelect={() => signOutForm.current?.requestSubmit()}>
            <LogOut aria-hidden="true" className="size-4" /> Log out
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
    </>
  );
}
