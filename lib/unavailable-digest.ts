// The digest of the error a page throws when its database cannot be reached (lib/db/unavailable.ts).
// In production Next.js gives error boundaries only a digest, never the message, and keeps a digest
// the thrown error already carries; the boundaries (components/shell/error-state.tsx) match on it.
// Its own module so that client components can import it without the server code.
export const UNAVAILABLE_DIGEST = "ACCORD_DATABASE_UNAVAILABLE";
