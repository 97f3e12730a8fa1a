// Network names as users read them. Client-safe.
import type { SocialNetwork } from "@/lib/social/types";

export const networkLabels: Record<SocialNetwork, string> = {
  linkedin: "LinkedIn",
  x: "X",
  sandbox: "Sandbox",
};
