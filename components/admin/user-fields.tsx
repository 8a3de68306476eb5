"use client";
// The role, exec title and partner of a user: the title only for executives, the partner only (and
// then required) for partner users, as lib/validation/admin-users.ts checks on the server.
import { cn } from "@/components/ui/cn";
import { Field, INPUT } from "@/components/ui/field";
import { EXEC_TITLES, ROLES, ROLE_LABEL, TITLE_LABEL, type Role } from "@/lib/auth/types";

export type RoleFieldValues = { role: Role; title: string; partnerId: string };
type Errors = Record<string, string[] | undefined>;

export function RoleFields({
  value,
  onChange,
  partners,
  errors,
}: {
  value: RoleFieldValues;
  onChange: (next: RoleFieldValues) => void;
  partners: { id: string; name: string }[];
  errors: Errors;
}) {
  return (
    <>
      <Field id="user-role" label="Role" errors={errors.role}>
        {(a) => (
          <select
            {...a}
            name="role"
            value={value.role}
            onChange={(e) => {
              const role = e.target.value as Role;
              onChange({
                role,
                title: role === "EXEC" ? value.title : "",
                partnerId: role === "PARTNER" ? value.partnerId : "",
              });
            }}
            className={cn(INPUT, "mt-1")}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABEL[r]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {value.role === "EXEC" && (
        <Field id="user-title" label="Exec title" optional errors={errors.title}>
          {(a) => (
            <select
              {...a}
              name="title"
              value={value.title}
              onChange={(e) => onChange({ ...value, title: e.target.value })}
              className={cn(INPUT, "mt-1")}
            >
              <option value="">None</option>
              {EXEC_TITLES.map((t) => (
                <option key={t} value={t}>
                  {TITLE_LABEL[t]}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {value.role === "PARTNER" && (
        <Field id="user-partner" label="Partner" errors={errors.partnerId}>
          {(a) => (
            <select
              {...a}
              name="partnerId"
              value={value.partnerId}
              onChange={(e) => onChange({ ...value, partnerId: e.target.value })}
              className={cn(INPUT, "mt-1")}
            >
              <option value="">Choose a partner…</option>
              {partners.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
    </>
  );
}
