// Maturity (docs/domain.md#maturity): frameworks, scoring and measured indicators. Pure.
export * from "./frameworks";
export * from "./indicators";
export * from "./scoring";
