import { Badge } from "@/components/ui/badge";

/** A named account is reserved for the direct team (rule 20 of the default rule set). */
export function NamedAccountBadge() {
  return <Badge tone="amber">Named</Badge>;
}
