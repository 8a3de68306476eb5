import { AppShell } from "@/components/shell/app-shell";
import { pageContext } from "@/lib/auth/page";
import { countUnread } from "@/lib/db/notifications";
import { partnerName } from "@/lib/db/partners";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const ctx = await pageContext();
  const [company, unread] = await Promise.all([ctx.partnerId ? partnerName(ctx) : null, countUnread(ctx)]);
  return (
    <AppShell ctx={ctx} company={company} unread={unread}>
      {children}
    </AppShell>
  );
}
