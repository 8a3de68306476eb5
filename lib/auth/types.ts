// Who is calling. Built per request from the session (re-read from the user row) or an API key.
export const ROLES = ["ADMIN", "PARTNER_MANAGER", "AE", "EXEC", "PARTNER"] as const;
export type Role = (typeof ROLES)[number];

export const EXEC_TITLES = ["VP_SALES", "VP_CHANNEL", "VP_REVOPS", "VP_CS", "CRO", "CEO"] as const;
export type ExecTitle = (typeof EXEC_TITLES)[number];

export type Ctx = {
  userId: string | null; // null for an admin API key not tied to a user
  name: string;
  email: string | null;
  role: Role;
  title: ExecTitle | null;
  partnerId: string | null; // set exactly when role is PARTNER
  via: "session" | "api-key";
};

export const ROLE_LABEL: Record<Role, string> = {
  ADMIN: "Channel operations",
  PARTNER_MANAGER: "Partner manager",
  AE: "Account executive",
  EXEC: "Executive",
  PARTNER: "Partner",
};

export const TITLE_LABEL: Record<ExecTitle, string> = {
  VP_SALES: "VP Sales",
  VP_CHANNEL: "VP Channel",
  VP_REVOPS: "VP RevOps",
  VP_CS: "VP Customer Success",
  CRO: "CRO",
  CEO: "CEO",
};
