import { AppShell } from "@/components/shell/app-shell";
import { pageContext } from "@/lib/auth/page";
import { partnerName } from "@/lib/db/partners";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const ctx = await pageContext();
  const company = ctx.partnerId ? await partnerName(ctx) : null;
  return <AppShell ctx={ctx} company={company}>{children}</AppShell>;
}
