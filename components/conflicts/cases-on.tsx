// The conflict cases a registration or a deal is in, linked from its page.
import Link from "next/link";
import { Notice } from "@/components/ui/notice";
import { humanize } from "@/lib/format";

export function CasesOn({
  cases,
  casePath,
}: {
  cases: { id: string; type: string; status: string; level: number }[];
  casePath: string;
}) {
  if (cases.length === 0) return null;
  const open = cases.some((c) => c.status === "OPEN");
  return (
    <Notice
      tone={open ? "amber" : "slate"}
      title={open ? "In an open conflict case" : "Conflict cases"}
      className="mb-6"
    >
      <ul className="space-y-0.5">
        {cases.map((c) => (
          <li key={c.id}>
            <Link href={`${casePath}/${c.id}`} className="font-medium underline underline-offset-2">
              {humanize(c.type)}
            </Link>{" "}
            — {c.status === "OPEN" ? `open at level ${c.level}` : "resolved"}
          </li>
        ))}
      </ul>
    </Notice>
  );
}
