// The colours a campaign can take (campaigns.color is any #rrggbb; the form offers these).
export const campaignColors = [
  { value: "#6366f1", name: "Indigo" },
  { value: "#3b82f6", name: "Blue" },
  { value: "#0ea5e9", name: "Sky" },
  { value: "#14b8a6", name: "Teal" },
  { value: "#22c55e", name: "Green" },
  { value: "#84cc16", name: "Lime" },
  { value: "#eab308", name: "Yellow" },
  { value: "#f97316", name: "Orange" },
  { value: "#ef4444", name: "Red" },
  { value: "#ec4899", name: "Pink" },
  { value: "#a855f7", name: "Purple" },
  { value: "#64748b", name: "Slate" },
] as const;

export function campaignColorName(value: string | null): string {
  if (!value) return "No colour";
  return campaignColors.find((c) => c.value === value.toLowerCase())?.name ?? value;
}
