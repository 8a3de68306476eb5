// The app's data-access modules begin with `import "server-only"`, which throws outside a React
// Server Components bundle (vitest aliases it to an empty module for the same reason). This resolve
// hook does the same for the benchmark. ESM links every static import before running any code, so
// import this module first and load app modules that use server-only with a dynamic import().
import { register } from "node:module";

const hook = `export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return { url: "data:text/javascript,", shortCircuit: true };
  return next(specifier, context);
}`;

register(`data:text/javascript,${encodeURIComponent(hook)}`);
