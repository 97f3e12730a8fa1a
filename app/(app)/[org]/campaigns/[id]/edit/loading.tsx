import { CampaignFormSkeleton } from "@/components/campaigns/campaign-form-skeleton";

export default function Loading() {
  return <CampaignFormSkeleton />;
}
