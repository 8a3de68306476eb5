"use client";
// Early warning while the partner types the account: already protected, already ours, a named
// account, direct activity. Worded neutrally and never naming anyone (docs/domain.md#roles-and-visibility): a partner must
// not learn which partner holds a competing registration. None of these blocks the submission.
import { checkClaimAction } from "@/lib/actions/registrations";
import { Notice } from "@/components/ui/notice";
import { useDebouncedAction } from "./use-debounced-action";

export type ClaimCheckInput = { name: string; domain?: string; productLine: string };

export function ClaimNotices({ input }: { input: ClaimCheckInput | null }) {
  const { result } = useDebouncedAction(input, checkClaimAction);
  const check = result?.ok ? result.data : null;
  // a failed check is only a missing hint: the submission runs the authoritative check anyway
  return (
    <div aria-live="polite" className="space-y-2 empty:hidden">
      {check?.status === "protected" && (
        <Notice tone="amber" title="Possible overlap">
          This account already appears to be protected for this product line. You can still register: the case will be
          reviewed.
        </Notice>
      )}
      {check?.status === "own-claim" && (
        <Notice tone="blue" title="Already registered by your company">
          Your company already has an active registration for this account and product line.
        </Notice>
      )}
      {check?.namedAccount && (
        <Notice tone="slate">
          This looks like an account the vendor covers with its own team. You can still register: the route will be
          reviewed with them.
        </Notice>
      )}
      {check?.directActivity && (
        <Notice tone="slate">
          The vendor&apos;s own sales team is already working on this account. You can still register: expect the case
          to be reviewed for co-selling.
        </Notice>
      )}
    </div>
  );
}
