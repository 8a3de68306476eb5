// The demo sign-ins (README "Demo sign-ins"), shown on the sign-in page only when demo data is loaded.
// The demo seed creates exactly these users (prisma/seed imports this list).
import type { ExecTitle, Role } from "./types";

export const DEMO_PASSWORD = "accord-demo";

export type DemoAccount = {
  email: string;
  name: string;
  role: Role;
  title?: ExecTitle;
  partner?: string;
  label: string;
};

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: "ops@accord.test", name: "Olivia Ops", role: "ADMIN", label: "Channel operations (admin)" },
  { email: "pm@accord.test", name: "Paul Manager", role: "PARTNER_MANAGER", label: "Partner manager" },
  { email: "ae@accord.test", name: "Ava Executive", role: "AE", label: "Account executive" },
  { email: "vp.sales@accord.test", name: "Victor Sales", role: "EXEC", title: "VP_SALES", label: "VP Sales" },
  { email: "vp.channel@accord.test", name: "Valerie Channel", role: "EXEC", title: "VP_CHANNEL", label: "VP Channel" },
  { email: "cro@accord.test", name: "Carla Revenue", role: "EXEC", title: "CRO", label: "CRO" },
  { email: "ceo@accord.test", name: "Chris Chief", role: "EXEC", title: "CEO", label: "CEO" },
  {
    email: "alice@northwind.test",
    name: "Alice Northwind",
    role: "PARTNER",
    partner: "Northwind Systems",
    label: "Partner · Northwind Systems",
  },
  {
    email: "bob@contoso.test",
    name: "Bob Contoso",
    role: "PARTNER",
    partner: "Contoso Partners",
    label: "Partner · Contoso Partners",
  },
];
