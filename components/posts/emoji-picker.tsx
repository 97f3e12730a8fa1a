"use client";
// A small emoji palette for the composer, loaded only when opened. The system's emoji keyboard
// (Win+. / Ctrl+Cmd+Space) still works in the editor; this covers the ones posts use most.
import { useEffect, useRef } from "react";

const groups: { label: string; emoji: string[] }[] = [
  {
    label: "Smileys",
    emoji: [
      "😀",
      "😄",
      "😊",
      "🙂",
      "😉",
      "😍",
      "🤩",
      "🥳",
      "😎",
      "🤔",
      "🙌",
      "👏",
      "🙏",
      "💪",
      "🤝",
      "👋",
    ],
  },
  {
    label: "Work",
    emoji: [
      "🚀",
      "📈",
      "📊",
      "💡",
      "🎯",
      "✅",
      "📌",
      "📣",
      "🔥",
      "⭐",
      "🏆",
      "💼",
      "🧠",
      "🛠️",
      "⏱️",
      "📅",
    ],
  },
  {
    label: "Pointers",
    emoji: [
      "👉",
      "👇",
      "👆",
      "➡️",
      "⬇️",
      "✨",
      "❗",
      "❓",
      "💬",
      "🔗",
      "📝",
      "🎉",
      "❤️",
      "💙",
      "🌍",
      "🌱",
    ],
  },
];

export default function EmojiPicker({
  onPick,
  onClose,
}: {
  onPick: (emoji: string) => void;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });
  // Once, on open: re-running on every parent render would pull focus back to the first emoji.
  useEffect(() => {
    ref.current?.querySelector("button")?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") close.current();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
  return (
    <div
      ref={ref}
      role="dialog"
      aria-label="Insert an emoji"
      data-testid="emoji-picker"
      className="absolute z-20 mt-1 w-72 rounded-lg border bg-popover p-2 shadow-md"
    >
      {groups.map((g) => (
        <div key={g.label} role="group" aria-label={g.label} className="mb-1">
          <p className="px-1 text-[11px] font-medium text-muted-foreground">{g.label}</p>
          <div className="grid grid-cols-8">
            {g.emoji.map((e) => (
              <button
                key={e}
                type="button"
                onClick={() => onPick(e)}
                className="rounded p-1 text-lg hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring/50 focus-visible:outline-none"
                aria-label={`Insert ${e}`}
              >
                {e}
              </button>
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}
